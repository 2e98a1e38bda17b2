using Campaign.Core.Content;
using Campaign.Core.Faq;

namespace Campaign.Core.Conversations;

/// <summary>
/// The FAQ matcher for the content in use, rebuilt when content is reloaded (an officer's approved
/// answer goes live without a restart).
/// </summary>
public sealed class LiveFaqMatcher
{
    private readonly FaqMatcherOptions _options;
    private volatile FaqMatcher _current;

    public LiveFaqMatcher(ContentStore content, FaqMatcherOptions? options = null)
    {
        _options = options ?? new FaqMatcherOptions();
        _current = new FaqMatcher(FaqIndex.Build(content.Current, _options), _options);
        content.Changed += fresh => _current = new FaqMatcher(FaqIndex.Build(fresh, _options), _options);
    }

    public FaqMatcher Current => _current;
}
