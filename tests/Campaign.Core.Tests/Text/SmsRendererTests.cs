using Campaign.Core.Content;
using Campaign.Core.Tests.Conversations;
using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public sealed class SmsRendererTests
{
    private static readonly ContentStore Content = new(EngineHarness.SharedContent);

    private static SmsRenderer Renderer(SmsDiacritics diacritics = SmsDiacritics.Strip, int maxSegments = 3) =>
        new(new SmsOptions { Diacritics = diacritics, MaxSegments = maxSegments }, Content);

    private static string Hint => Content.Current.Reply(ReplyId.SmsContinuation).Sms.Source;

    private static string Words(int count) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"Bà con nhớ điều {i}."));

    [Theory]
    [InlineData(SmsDiacritics.Strip, "Đăng ký VNeID ở công an xã.", "Dang ky VNeID o cong an xa.", "GSM-7")]
    [InlineData(SmsDiacritics.Keep, "Đăng ký VNeID ở công an xã.", "Đăng ký VNeID ở công an xã.", "UCS-2")]
    // Short: marks cost nothing (one segment either way), so auto keeps them.
    [InlineData(SmsDiacritics.Auto, "Đăng ký VNeID ở công an xã.", "Đăng ký VNeID ở công an xã.", "UCS-2")]
    [InlineData(SmsDiacritics.Strip, "“Xin chào” – bà con", "\"Xin chao\" - ba con", "GSM-7")]
    public void Applies_the_marks_policy(SmsDiacritics policy, string text, string expected, string encoding)
    {
        var sms = Renderer(policy).Render(text);
        Assert.Equal(expected, sms.Text);
        Assert.Equal(encoding, sms.Encoding.ToDisplayName());
        Assert.False(sms.Shortened);
    }

    [Fact]
    public void Auto_strips_when_that_saves_a_segment()
    {
        var text = "Bà con đăng ký tài khoản định danh điện tử mức hai tại công an xã, mang theo căn cước."; // 88 chars: 2 UCS-2, 1 GSM-7
        var sms = Renderer(SmsDiacritics.Auto).Render(text);
        Assert.Equal(SmsEncoding.Gsm7, sms.Encoding);
        Assert.Equal(1, sms.Segments);
    }

    [Fact]
    public void Composes_decomposed_input_before_counting()
    {
        var decomposed = "Xa\u0303 ho\u0302\u0323i so\u0302\u0301".Normalize(System.Text.NormalizationForm.FormD);
        var sms = Renderer(SmsDiacritics.Keep).Render(decomposed);
        Assert.Equal("Xã hội số", sms.Text);
    }

    [Theory]
    [InlineData(SmsDiacritics.Strip, 3)]
    [InlineData(SmsDiacritics.Strip, 1)]
    [InlineData(SmsDiacritics.Keep, 2)]
    [InlineData(SmsDiacritics.Auto, 2)]
    public void Cuts_long_text_at_a_word_boundary_and_ends_with_the_hint(SmsDiacritics policy, int maxSegments)
    {
        var renderer = Renderer(policy, maxSegments);
        var sms = renderer.Render(Words(80));

        Assert.True(sms.Shortened);
        Assert.True(sms.Segments <= maxSegments, $"{sms.Segments} segments");
        var hint = policy == SmsDiacritics.Keep ? Hint : SmsPreview.For(Hint).UnaccentedText;
        Assert.EndsWith("...\n" + hint, sms.Text, StringComparison.Ordinal);
        var body = sms.Text[..sms.Text.IndexOf("...\n", StringComparison.Ordinal)];
        var full = Renderer(policy, maxSegments: 10).Render(Words(80)).Text;
        Assert.StartsWith(body, full, StringComparison.Ordinal);
        Assert.False(char.IsLetterOrDigit(full[body.Length]), "cut inside a word");
        // Nothing longer would have fitted: the next word breaks the limit.
        var nextWord = full.IndexOf(' ', body.Length + 2);
        Assert.True(SmsEncoder.Analyze(full[..nextWord].TrimEnd('.') + "...\n" + hint).Segments > maxSegments);
        // Rendering the result again changes nothing.
        Assert.Equal(sms.Text, renderer.Render(sms.Text).Text);
    }

    [Fact]
    public void Leaves_text_within_the_limit_alone_and_is_idempotent()
    {
        var renderer = Renderer();
        var once = renderer.Render(Words(20));
        Assert.False(once.Shortened);
        Assert.Equal(once, renderer.Render(once.Text));
    }

    [Fact]
    public void A_single_endless_word_is_cut_hard_without_splitting_a_surrogate_pair()
    {
        var sms = Renderer(SmsDiacritics.Keep, 1).Render(string.Concat(Enumerable.Repeat("😀", 100)));
        Assert.True(sms.Segments <= 1);
        Assert.False(char.IsHighSurrogate(sms.Text[sms.Text.IndexOf("...", StringComparison.Ordinal) - 1]));
    }

    [Fact]
    public void Empty_text_renders_empty()
    {
        var sms = Renderer().Render("   ");
        Assert.Equal("", sms.Text);
        Assert.Equal(0, sms.Segments);
    }
}
