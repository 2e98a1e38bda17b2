namespace Campaign.Core.Faq;

/// <summary>One word of a question as the matcher sees it.</summary>
/// <param name="Folded">Lower case, marks folded, shorthand expanded, Telex leftovers repaired: "duoc".</param>
/// <param name="Accented">The word with its marks when the writer typed them ("được"), else null.</param>
/// <param name="IsStopWord">Carries no topic ("ạ", "cho", "em"); kept out of scoring.</param>
public readonly record struct FaqToken(string Folded, string? Accented, bool IsStopWord);
