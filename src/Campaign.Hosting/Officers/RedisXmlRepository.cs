using System.Xml.Linq;
using Campaign.Core.Redis;
using Microsoft.AspNetCore.DataProtection.Repositories;
using StackExchange.Redis;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring in a Redis list, so console cookies and
/// antiforgery tokens made by one instance are read by every other, and survive restarts.
/// </summary>
/// <remarks>The keys are stored unencrypted, like the framework's own Redis store does by default: whoever can read Redis can already read every officer and subscriber.</remarks>
public sealed class RedisXmlRepository(IConnectionMultiplexer redis, RedisKeys keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. redis.GetDatabase().ListRange(keys.DataProtectionKeys).Select(value => XElement.Parse(value.ToString()))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        redis.GetDatabase().ListRightPush(keys.DataProtectionKeys, element.ToString(SaveOptions.DisableFormatting));
    }
}
