using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public class SmsPreviewTests
{
    // 75 UTF-16 units: two UCS-2 segments as written, one GSM-7 segment unaccented.
    private const string Reminder = "Nhắc bà con: hạn chót đăng ký định danh điện tử là ngày 30/6. Xin cảm ơn ạ!";

    [Fact]
    public void For_AnalysesTheTextAsWrittenAndUnaccented()
    {
        var preview = SmsPreview.For(Reminder);

        Assert.Equal(Reminder, preview.Text);
        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 75, 2), preview.AsWritten);
        Assert.Equal("Nhac ba con: han chot dang ky dinh danh dien tu la ngay 30/6. Xin cam on a!", preview.UnaccentedText);
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 75, 1), preview.Unaccented);
    }

    [Fact]
    public void ToJson_PrintsTheCliShape()
    {
        var json = SmsPreview.For(Reminder).ToJson();

        Assert.Equal(
            """{"encoding": "UCS-2", "characters": 75, "segments": 2, "unaccented": {"text": "Nhac ba con: han chot dang ky dinh danh dien tu la ngay 30/6. Xin cam on a!", "encoding": "GSM-7", "characters": 75, "segments": 1}}""",
            json);
    }

    [Fact]
    public void ToJson_EscapesQuotesBackslashesControlsAndAstralCharacters()
    {
        var json = SmsPreview.For("Gõ \"ĐK\" gửi 1234\\ <b>👍</b>\n").ToJson();

        Assert.Equal(
            """{"encoding": "UCS-2", "characters": 28, "segments": 1, "unaccented": {"text": "Go \"DK\" gui 1234\\ <b>\uD83D\uDC4D</b>\n", "encoding": "UCS-2", "characters": 28, "segments": 1}}""",
            json);
    }

    [Theory]
    [InlineData("“Đăng ký” ngay", "\"Dang ky\" ngay")]
    [InlineData("‘VNeID’", "'VNeID'")]
    [InlineData("8h – 11h — thứ 2", "8h - 11h - thu 2")]
    [InlineData("Chờ nhé…", "Cho nhe...")]
    [InlineData("50\u00A0000\u202Fđ", "50 000 d")]
    public void For_MakesTypographicPunctuationPlain(string text, string expected)
    {
        var preview = SmsPreview.For(text);

        Assert.Equal(expected, preview.UnaccentedText);
        Assert.Equal(SmsEncoding.Gsm7, preview.Unaccented.Encoding);
    }

    [Fact]
    public void For_KeepsWhatGsm7CannotSendEvenUnaccented()
    {
        var preview = SmsPreview.For("Chúc mừng 🎉");

        Assert.Equal("Chuc mung 🎉", preview.UnaccentedText);
        Assert.Equal(SmsEncoding.Ucs2, preview.Unaccented.Encoding);
    }

    [Fact]
    public void For_LeavesPlainTextAsItIs()
    {
        const string Plain = "Xin chao";

        var preview = SmsPreview.For(Plain);

        Assert.Same(Plain, preview.UnaccentedText);
        Assert.Equal(preview.AsWritten, preview.Unaccented);
    }

    [Fact]
    public void For_EmptyTextIsNoSegment()
    {
        var preview = SmsPreview.For("");

        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 0, 0), preview.AsWritten);
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 0, 0), preview.Unaccented);
    }
}
