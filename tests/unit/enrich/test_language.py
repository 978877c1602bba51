import pytest

from marsad.enrich.language import identify


@pytest.mark.parametrize(
    "text, lang",
    [
        ("قال الوزير في بيان إن الحكومة ستعمل على تعزيز التعاون مع الدول المجاورة.", "ar"),
        # Arabic written by a CMS with Persian ی and Urdu ھ code points is still Arabic
        ("زار المدیر العام للأمن عشیة الیوم مقر الإقليم حیث اطلع علی الخطة ھناك.", "ar"),
        ("وزیر امور خارجه ایران در سفر به مسکو گفت که این توافق برای دو کشور مهم است.", "fa"),
        ("پاکستان کے وزیر اعظم نے کہا ہے کہ ملک میں معاشی صورتحال بہتر ہو رہی ہے۔", "ur"),
        ("The minister said on Tuesday that the government will sign the agreement.", "en"),
        ("Le ministre a déclaré que le gouvernement signera l'accord dans la semaine.", "fr"),
    ],
)
def test_identify(text, lang):
    assert identify(text).language == lang


def test_too_little_text_is_undetermined():
    assert identify("12 / 34").language == "und"
