using Campaign.Core.Officers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Writes every request an authenticated officer was refused by a policy (403) to the audit log,
/// then answers as the framework would. Allowed actions are audited by the endpoints, which know
/// what was done to what.
/// </summary>
public sealed partial class AuditingAuthorizationResultHandler(IAuditLog audit, AreaContainment containment, ILogger<AuditingAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && OfficerContext.From(context.User, containment) is { } officer)
        {
            var details = new Dictionary<string, string>
            {
                ["method"] = context.Request.Method,
                ["needs"] = Needs(authorizeResult.AuthorizationFailure),
            };
            try
            {
                await audit.RecordAsync(officer.Audit(AuditAction.For(context), context.Request.Path.Value ?? "/", AuditOutcome.Denied, details), context.RequestAborted);
            }
            catch (RedisException ex)
            {
                // The request is refused either way; a missing audit line must not turn 403 into 500.
                LogAuditFailed(logger, ex.Message);
            }
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string Needs(AuthorizationFailure? failure)
    {
        var needs = failure?.FailedRequirements.Select(r => r switch
        {
            RolesAuthorizationRequirement roles => "role " + string.Join('|', roles.AllowedRoles),
            _ => r.GetType().Name,
        }) ?? [];
        return string.Join("; ", needs);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry for a refused request: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string reason);
}
