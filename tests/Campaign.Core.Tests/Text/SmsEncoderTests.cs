using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public class SmsEncoderTests
{
    [Fact]
    public void Analyze_EmptyTextIsNoSegment()
    {
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 0, 0), SmsEncoder.Analyze(""));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Analyze_Gsm7SegmentBoundaries(int length, int segments)
    {
        var analysis = SmsEncoder.Analyze(new string('a', length));

        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, length, segments), analysis);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Analyze_Ucs2SegmentBoundaries(int length, int segments)
    {
        var analysis = SmsEncoder.Analyze(new string('ệ', length));

        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, length, segments), analysis);
    }

    [Theory]
    [InlineData("€", 2)]
    [InlineData("^{}\\[~]|", 16)]
    [InlineData("\f", 2)]
    [InlineData("Giá 50€ [đã giảm]", 0)] // đ and ả are not GSM-7
    [InlineData("Gia 50€ [da giam]", 20)]
    public void Analyze_ExtensionCharactersTakeTwoSeptets(string text, int septets)
    {
        var analysis = SmsEncoder.Analyze(text);

        if (septets == 0)
        {
            Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        }
        else
        {
            Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, septets, 1), analysis);
        }
    }

    [Fact]
    public void Analyze_EightyExtensionCharactersStillFitOneMessage()
    {
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 160, 1), SmsEncoder.Analyze(new string('{', 80)));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 162, 2), SmsEncoder.Analyze(new string('{', 81)));
    }

    [Fact]
    public void Analyze_NeverSplitsAnEscapedCharacterAcrossSegments()
    {
        // 152 septets, then € needs 2 and only 1 is left in the first part: it moves whole to the
        // second part, which then overflows by one septet into a third.
        var split = new string('a', 152) + "€" + new string('a', 152);
        // The same 306 septets with € wholly inside the first part fit two parts.
        var aligned = new string('a', 151) + "€" + new string('a', 153);

        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 306, 3), SmsEncoder.Analyze(split));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, 306, 2), SmsEncoder.Analyze(aligned));
    }

    [Fact]
    public void Analyze_NeverSplitsASurrogatePairAcrossSegments()
    {
        // 66 units, then the emoji needs 2 and only 1 is left in the first part.
        var split = new string('ệ', 66) + "😀" + new string('ệ', 66);
        var aligned = new string('ệ', 65) + "😀" + new string('ệ', 67);

        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 134, 3), SmsEncoder.Analyze(split));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 134, 2), SmsEncoder.Analyze(aligned));
    }

    [Fact]
    public void Analyze_CountsAnEmojiAsTwoUnits()
    {
        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 4, 1), SmsEncoder.Analyze("ok👍"));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 70, 1), SmsEncoder.Analyze(string.Concat(Enumerable.Repeat("👍", 35))));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, 72, 2), SmsEncoder.Analyze(string.Concat(Enumerable.Repeat("👍", 36))));
    }

    [Fact]
    public void Analyze_VietnameseWithMarksIsUcs2AndWithoutIsGsm7()
    {
        const string Accented = "Bà con vui lòng đăng ký tài khoản định danh điện tử tại công an xã.";
        const string Unaccented = "Ba con vui long dang ky tai khoan dinh danh dien tu tai cong an xa.";

        Assert.Equal(new SmsAnalysis(SmsEncoding.Ucs2, Accented.Length, 1), SmsEncoder.Analyze(Accented));
        Assert.Equal(new SmsAnalysis(SmsEncoding.Gsm7, Unaccented.Length, 1), SmsEncoder.Analyze(Unaccented));
    }

    [Theory]
    [InlineData("è é ù ì ò à", SmsEncoding.Gsm7)] // in the GSM-7 basic table
    [InlineData("Ç É Ä Ö Ñ Ü ä ö ñ ü å Å Ø ø Æ æ ß", SmsEncoding.Gsm7)]
    [InlineData("£ $ ¥ ¤ § ¿ ¡ @ _", SmsEncoding.Gsm7)]
    [InlineData("Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ", SmsEncoding.Gsm7)]
    [InlineData("line\nbreak\r\n", SmsEncoding.Gsm7)]
    [InlineData("á", SmsEncoding.Ucs2)] // most Vietnamese letters are not
    [InlineData("ạ", SmsEncoding.Ucs2)]
    [InlineData("đ", SmsEncoding.Ucs2)]
    [InlineData("ç", SmsEncoding.Ucs2)] // only the capital is in the table
    [InlineData("`", SmsEncoding.Ucs2)] // the one printable ASCII character GSM-7 lacks
    [InlineData("tab\t", SmsEncoding.Ucs2)]
    [InlineData("“quoted”", SmsEncoding.Ucs2)]
    [InlineData("\u001B", SmsEncoding.Ucs2)] // the escape code itself is not a character
    public void Analyze_ChoosesTheEncodingByAlphabet(string text, SmsEncoding expected)
    {
        Assert.Equal(expected, SmsEncoder.Analyze(text).Encoding);
    }

    [Fact]
    public void Analyze_AcceptsEveryPrintableAsciiCharacterButBacktick()
    {
        for (var c = ' '; c <= '~'; c++)
        {
            var expected = c == '`' ? SmsEncoding.Ucs2 : SmsEncoding.Gsm7;
            Assert.Equal(expected, SmsEncoder.Analyze(c.ToString()).Encoding);
        }
    }

    [Fact]
    public void Analyze_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => SmsEncoder.Analyze(null!));
    }

    [Theory]
    [InlineData(SmsEncoding.Gsm7, "GSM-7")]
    [InlineData(SmsEncoding.Ucs2, "UCS-2")]
    public void ToDisplayName_UsesTheIndustryNames(SmsEncoding encoding, string expected)
    {
        Assert.Equal(expected, encoding.ToDisplayName());
    }

    [Fact]
    public void ToDisplayName_RejectsUndefinedValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((SmsEncoding)42).ToDisplayName());
    }
}
