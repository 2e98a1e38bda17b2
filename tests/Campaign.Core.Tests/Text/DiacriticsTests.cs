using System.Text;
using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public class DiacriticsTests
{
    [Theory]
    [InlineData("Tiếng Việt", "Tieng Viet")]
    [InlineData("Người dân cần làm gì?", "Nguoi dan can lam gi?")]
    [InlineData("đi đường", "di duong")]
    [InlineData("ĐĂNG KÝ ĐỊNH DANH ĐIỆN TỬ", "DANG KY DINH DANH DIEN TU")]
    [InlineData("Đắk Lắk", "Dak Lak")]
    [InlineData("Thừa Thiên Huế", "Thua Thien Hue")]
    [InlineData("ỗ ợ ữ ỹ ỵ ẳ ẵ ậ", "o o u y y a a a")]
    [InlineData("Café crème brûlée, naïve Ångström", "Cafe creme brulee, naive Angstrom")]
    [InlineData("Øresund Łódź Ñandú", "Oresund Lodz Nandu")]
    public void Fold_RemovesMarksAndKeepsCase(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Fold(text));
    }

    [Theory]
    [InlineData("aàáảãạăằắẳẵặâầấẩẫậ", 'a')]
    [InlineData("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A')]
    [InlineData("eèéẻẽẹêềếểễệ", 'e')]
    [InlineData("EÈÉẺẼẸÊỀẾỂỄỆ", 'E')]
    [InlineData("iìíỉĩị", 'i')]
    [InlineData("IÌÍỈĨỊ", 'I')]
    [InlineData("oòóỏõọôồốổỗộơờớởỡợ", 'o')]
    [InlineData("OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O')]
    [InlineData("uùúủũụưừứửữự", 'u')]
    [InlineData("UÙÚỦŨỤƯỪỨỬỮỰ", 'U')]
    [InlineData("yỳýỷỹỵ", 'y')]
    [InlineData("YỲÝỶỸỴ", 'Y')]
    [InlineData("dđ", 'd')]
    [InlineData("DĐ", 'D')]
    public void Fold_FoldsEveryVietnameseLetter(string letters, char expected)
    {
        Assert.Equal(new string(expected, letters.Length), Diacritics.Fold(letters));
    }

    [Theory]
    [InlineData("e\u0302\u0301", "e")] // ế as e + circumflex + acute
    [InlineData("e\u0323\u0302", "e")] // ệ in canonical order: dot below before circumflex
    [InlineData("e\u0302\u0323", "e")] // ệ with the marks the other way round
    [InlineData("Tie\u0302\u0301ng Vie\u0323\u0302t", "Tieng Viet")]
    [InlineData("Ngu\u031Bo\u031B\u0300i", "Nguoi")]
    [InlineData("A\u0306\u0301", "A")]
    [InlineData("Tiếng Vie\u0323\u0302t", "Tieng Viet")] // mixed NFC and NFD
    public void Fold_HandlesDecomposedInput(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Fold(text));
    }

    [Fact]
    public void Fold_GivesTheSameResultForNfcAndNfd()
    {
        const string Sentence = "Bà con lưu ý: từ ngày 1/7, mọi người dân đều phải có tài khoản định danh điện tử mức độ 2.";

        var fromNfc = Diacritics.Fold(Sentence.Normalize(NormalizationForm.FormC));
        var fromNfd = Diacritics.Fold(Sentence.Normalize(NormalizationForm.FormD));

        Assert.Equal("Ba con luu y: tu ngay 1/7, moi nguoi dan deu phai co tai khoan dinh danh dien tu muc do 2.", fromNfc);
        Assert.Equal(fromNfc, fromNfd);
    }

    [Theory]
    [InlineData("Giá 50.000đ 👍 (còn 3 suất)!", "Gia 50.000d 👍 (con 3 suat)!")]
    [InlineData("Hỏi: “Đăng ký ở đâu?” – đáp…", "Hoi: “Dang ky o dau?” – dap…")]
    [InlineData("👨‍👩‍👧 Gia đình ❤️", "👨‍👩‍👧 Gia dinh ❤️")]
    [InlineData("Số\u00A0điện thoại: +84 912", "So\u00A0dien thoai: +84 912")]
    [InlineData("tab\there\r\nnew line ư", "tab\there\r\nnew line u")]
    public void Fold_KeepsEverythingThatIsNotALatinMark(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Fold(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Xin chao ba con, hom nay 20/11!")]
    [InlineData("Xin chao 👋")]
    [InlineData("“quoted” – dashed…")]
    [InlineData("Привет, 你好, สวัสดี")]
    [InlineData("Æsir ß æ")]
    public void Fold_ReturnsTheSameInstanceWhenNothingChanges(string text)
    {
        Assert.Same(text, Diacritics.Fold(text));
    }

    [Theory]
    [InlineData("И\u0306", "Й")] // a non-Latin letter keeps its mark and is composed
    [InlineData("\u212Bngström", "Angstrom")] // the Angstrom sign is Å in NFC
    [InlineData("\u212A", "K")] // the Kelvin sign is K in NFC
    [InlineData("ы\u0301 ê", "ы\u0301 e")] // no precomposed form: the mark stays on the Cyrillic letter
    public void Fold_OutputIsNfc(string text, string expected)
    {
        var folded = Diacritics.Fold(text);

        Assert.Equal(expected, folded);
        Assert.True(folded.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Fold_HandlesTextLongerThanTheStackBuffer()
    {
        var text = string.Concat(Enumerable.Repeat("Tiếng Việt có dấu. ", 40));

        var folded = Diacritics.Fold(text);

        Assert.Equal(string.Concat(Enumerable.Repeat("Tieng Viet co dau. ", 40)), folded);
    }

    [Theory]
    [InlineData("Việt\uD800", "Viet\uD800")]
    [InlineData("\uDC00Đi", "\uDC00Di")]
    [InlineData("Привет\uD800 ệ", "Привет\uD800 e")]
    public void Fold_KeepsLoneSurrogatesWithoutThrowing(string text, string expected)
    {
        Assert.Equal(expected, Diacritics.Fold(text));
    }

    [Fact]
    public void Fold_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => Diacritics.Fold(null!));
    }

    [Theory]
    [InlineData("Việt", true)]
    [InlineData("đi", true)]
    [InlineData("Đ", true)]
    [InlineData("ĐI", true)]
    [InlineData("ve\u0302\u0301", true)]
    [InlineData("café", true)]
    [InlineData("Viet", false)]
    [InlineData("", false)]
    [InlineData("hello 👍", false)]
    [InlineData("“quoted” – dashed…", false)]
    [InlineData("Привет И\u0306", false)]
    [InlineData("Æsir ß", false)]
    public void HasMarks_FindsDiacriticsOnLatinLetters(string text, bool expected)
    {
        Assert.Equal(expected, Diacritics.HasMarks(text));
    }

    [Fact]
    public void ToNfc_ComposesDecomposedText()
    {
        var nfc = Diacritics.ToNfc("Tie\u0302\u0301ng Vie\u0323\u0302t");

        Assert.Equal("Tiếng Việt", nfc);
        Assert.True(nfc.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("Tiếng Việt")]
    [InlineData("")]
    [InlineData("lone \uD800 surrogate")]
    public void ToNfc_ReturnsTheSameInstanceWhenAlreadyNormalOrNotNormalizable(string text)
    {
        Assert.Same(text, Diacritics.ToNfc(text));
    }
}
