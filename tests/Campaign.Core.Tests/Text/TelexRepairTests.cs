using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public class TelexRepairTests
{
    [Theory]
    // The modifier keys.
    [InlineData("khoong", "khong")] // không
    [InlineData("dduowcj", "duoc")] // được
    [InlineData("vieejt", "viet")] // Việt, tone key before the final
    [InlineData("ddi", "di")] // đi
    [InlineData("nguwowif", "nguoi")] // người
    [InlineData("sor", "so")] // sổ
    [InlineData("tieenf", "tien")] // tiền
    [InlineData("ddaau", "dau")] // đâu
    [InlineData("ddeen", "den")] // đến without its tone
    [InlineData("nawm", "nam")] // năm
    [InlineData("mootj", "mot")] // một
    [InlineData("ddooif", "doi")] // đồi
    [InlineData("cuar", "cua")] // của
    [InlineData("nhuwngx", "nhung")] // những
    [InlineData("vaanx", "van")] // vẫn
    [InlineData("haix", "hai")] // hãi
    [InlineData("hoaf", "hoa")] // hoà
    [InlineData("khuyeen", "khuyen")] // khuyên
    [InlineData("nghieeng", "nghieng")] // nghiêng
    [InlineData("quoocs", "quoc")] // quốc
    [InlineData("quyeenf", "quyen")] // quyền
    [InlineData("giuwax", "giua")] // giữa
    [InlineData("gif", "gi")] // gì
    [InlineData("uoongs", "uong")] // uống
    [InlineData("thuowr", "thuo")] // thuở: uơ without a final
    [InlineData("soong", "song")] // sông
    [InlineData("boong", "bong")] // bông is far more common than the ship's deck
    // A lone w is ư.
    [InlineData("nhw", "nhu")] // như
    [InlineData("tw", "tu")] // tư
    [InlineData("wa", "ua")] // ưa
    [InlineData("trwowngf", "truong")] // trường
    // Half-typed ươ, completed by the input method when a final follows.
    [InlineData("truwongf", "truong")] // trường
    [InlineData("nguowif", "nguoi")] // người
    [InlineData("muwowif", "muoi")] // mười
    public void RepairFoldedWord_RecoversTheSyllable(string word, string expected)
    {
        Assert.Equal(expected, TelexRepair.RepairFoldedWord(word));
    }

    [Theory]
    // Already Vietnamese.
    [InlineData("khong")]
    [InlineData("duoc")]
    [InlineData("nguoi")]
    [InlineData("xoong")] // the saucepan, spelled with a plain oo
    [InlineData("quy")]
    [InlineData("gi")]
    // Brands and services the campaign names.
    [InlineData("facebook")]
    [InlineData("zalo")]
    [InlineData("google")]
    [InlineData("sms")]
    [InlineData("vneid")]
    [InlineData("ocop")]
    [InlineData("qr")]
    [InlineData("email")]
    [InlineData("vssid")]
    [InlineData("internet")]
    [InlineData("wifi")]
    [InlineData("postmart")]
    [InlineData("youtube")]
    // English words that Telex could read as a syllable.
    [InlineData("test")]
    [InlineData("was")]
    [InlineData("this")]
    [InlineData("post")]
    [InlineData("see")]
    // Not Telex for any syllable.
    [InlineData("hello")]
    [InlineData("ok")]
    [InlineData("sure")] // a vowel after the tone key
    [InlineData("new")] // w after e modifies nothing
    [InlineData("aaa")] // a third key undoes the modifier
    [InlineData("ddd")]
    [InlineData("tess")] // a second tone key undoes the first
    [InlineData("boss")]
    [InlineData("khoongf1")] // not only letters
    [InlineData("Khoong")] // not lower case
    [InlineData("k")]
    [InlineData("")]
    [InlineData("nghieeeeeeengs")] // far too long for one syllable
    public void RepairFoldedWord_LeavesOtherWordsAlone(string word)
    {
        Assert.Same(word, TelexRepair.RepairFoldedWord(word));
    }

    [Fact]
    public void EveryKeptEnglishWordWouldOtherwiseBeRepaired()
    {
        // Keeps the list honest: an entry that Telex would not change anyway is noise.
        foreach (var word in TelexRepair.EnglishWordsReadableAsTelex)
        {
            Assert.True(TelexRepair.TryReadAsTelex(word, out _), $"'{word}' is not read as Telex, so it need not be kept.");
        }
    }

    [Fact]
    public void RepairFoldedWord_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => TelexRepair.RepairFoldedWord(null!));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("oi")]
    [InlineData("yeu")]
    [InlineData("yen")]
    [InlineData("khong")]
    [InlineData("duoc")]
    [InlineData("nguoi")]
    [InlineData("nghieng")]
    [InlineData("nghe")]
    [InlineData("ghi")]
    [InlineData("ke")]
    [InlineData("ky")]
    [InlineData("gi")]
    [InlineData("gin")]
    [InlineData("gia")]
    [InlineData("gieng")]
    [InlineData("giua")]
    [InlineData("qua")]
    [InlineData("quy")]
    [InlineData("quynh")]
    [InlineData("quyen")]
    [InlineData("quoc")]
    [InlineData("quai")]
    [InlineData("khuya")]
    [InlineData("khuyu")]
    [InlineData("truong")]
    [InlineData("thuong")]
    [InlineData("phuong")]
    [InlineData("chinh")]
    [InlineData("xoong")]
    [InlineData("boong")]
    [InlineData("oach")]
    [InlineData("hoang")]
    [InlineData("pin")]
    public void IsVietnameseSyllable_AcceptsValidSpellings(string folded)
    {
        Assert.True(TelexRepair.IsVietnameseSyllable(folded));
    }

    [Theory]
    [InlineData("")]
    [InlineData("khoong")] // ô spelled in Telex
    [InlineData("dd")]
    [InlineData("ddi")]
    [InlineData("ge")] // must be "ghe"
    [InlineData("ngi")] // must be "nghi"
    [InlineData("ka")] // must be "ca"
    [InlineData("ghа")] // Cyrillic а
    [InlineData("gha")] // gh only before e, i
    [InlineData("ci")] // must be "ki"
    [InlineData("qa")] // q always takes u
    [InlineData("quu")]
    [InlineData("tyen")] // y + ê takes no onset
    [InlineData("sms")]
    [InlineData("ocop")]
    [InlineData("vneid")]
    [InlineData("facebook")]
    [InlineData("wifi")]
    [InlineData("fa")] // f is not a Vietnamese letter
    [InlineData("zalo")]
    [InlineData("bas")] // s never ends a syllable
    [InlineData("nghieengs")]
    [InlineData("nghiengg")]
    [InlineData("Khong")] // upper case
    [InlineData("kho0")]
    public void IsVietnameseSyllable_RejectsInvalidSpellings(string folded)
    {
        Assert.False(TelexRepair.IsVietnameseSyllable(folded));
    }
}
