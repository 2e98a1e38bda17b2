namespace Campaign.Core.Content;

/// <summary>
/// A kind of question this service does not answer (land, loans, weather ...), with examples. The FAQ
/// matcher indexes these as decoys: a question closest to one gets no FAQ answer instead of a guess.
/// </summary>
public sealed record OutOfScopeGroup(string Id, string Label, IReadOnlyList<string> Phrasings);
