using Campaign.Core.Text;

namespace Campaign.Core.Tests.Text;

public class RepeatedLettersTests
{
    [Theory]
    [InlineData("khongggg", "khong")]
    [InlineData("ooooi", "oi")]
    [InlineData("daaaa", "da")]
    [InlineData("vanggg ạ", "vang ạ")]
    [InlineData("ddddi", "di")]
    [InlineData("ừừừ", "ừ")]
    [InlineData("aaabbbccc", "abc")]
    [InlineData("KHÔNGGG", "KHÔNG")]
    public void Collapse_CollapsesRunsOfThreeOrMore(string word, string expected)
    {
        Assert.Equal(expected, RepeatedLetters.Collapse(word));
    }

    [Theory]
    [InlineData("khoong")] // a Telex key pair
    [InlineData("ddi")]
    [InlineData("aa")]
    [InlineData("1000")] // digits are not letters
    [InlineData("!!!")]
    [InlineData("...")]
    [InlineData("Aaa")] // case-sensitive: only two identical letters
    [InlineData("")]
    [InlineData("a")]
    public void Collapse_ReturnsTheSameInstanceWhenNothingToCollapse(string word)
    {
        Assert.Same(word, RepeatedLetters.Collapse(word));
    }

    [Fact]
    public void Collapse_KeepsEverythingAroundTheRuns()
    {
        Assert.Equal("Sao a! 1000 ...", RepeatedLetters.Collapse("Saooo aaa! 1000 ..."));
    }

    [Fact]
    public void Collapse_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => RepeatedLetters.Collapse(null!));
    }
}
