using System.Text;
using SmsGateway.Twilio;

namespace SmsGateway.Tests.Twilio;

/// <summary>
/// Every X-Twilio-Signature vector from protocols.md §1.4 (Twilio's own tests in twilio-csharp,
/// twilio-node and twilio-python), plus tampered requests that must fail. Auth token "12345".
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string U = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Tail = "/myapp.php?foo=1&bar=2";
    private const string JsonBody = "{\"property\": \"value\", \"boolean\": true}";
    private const string JsonHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    private static readonly string[] P = ["CallSid=CA1234567890ABCDE", "Caller=+14158675309", "Digits=1234", "From=+14158675309", "To=+18005551212"];

    /// <summary>name, URL as requested, form fields ("name=value"), JSON body or null for a form, X-Twilio-Signature, valid?</summary>
    public static TheoryData<string, string, string[], string?, string, bool> Vectors() => new()
    {
        { "plain URL", U, P, null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true },
        { "https with :443 written", "https://mycompany.com:443" + Tail, P, null, "kvajT1Ptam85bY51eRf/AJRuM3w=", true },
        { "http with :80 written", "http://mycompany.com:80" + Tail, P, null, "0ZXoZLH/DfblKGATFgpif+LLRf4=", true },
        { "http with another port", "http://mycompany.com:1234" + Tail, P, null, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", true },
        { "https with another port", "https://mycompany.com:1234" + Tail, P, null, "CYn1h0gLBdNxDGkKJg6hYohgeD8=", true },
        { "https with another port, signed without it", "https://mycompany.com:1234" + Tail, P, null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true },
        { "host case kept", "https://MyCompany.com" + Tail, P, null, "g9IN/x4Cft2g517EjYvEvM/W7LU=", true },
        { "host case kept with a port", "https://MyCompany.com:1234" + Tail, P, null, "PCqOZm8cnu/L6+u5i5fuEd+Iac4=", true },
        { "http, host case kept", "http://MyCompany.com" + Tail, P, null, "XY7AlKOKL6im4yWyX84gldUrtis=", true },
        { "userinfo kept", "http://username:password@MyCompany.com" + Tail, P, null, "PJ08CxXr7KLPjEQCTc8LkUSMwSM=", true },
        { "scheme case kept", "HTTP://username:password@MyCompany.com" + Tail, P, null, "hy/l8pca+LFms4cvRdv8uiP6NGc=", true },
        { "user and password", "https://user:pass@mycompany.com" + Tail, P, null, "CukzLTc1tT5dXEDIHm/tKBanW10=", true },
        { "user and password, signed with :443", "https://user:pass@mycompany.com" + Tail, P, null, "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=", true },
        { "user only", "https://user@mycompany.com" + Tail, P, null, "2YRLlVAflCqxaNicjMpJcSTgzSs=", true },
        { "query kept undecoded", U + "&Body=It's+amazing", P, null, "dsq4Ehbj6cs+KdTkpF5sSSplOWw=", true },
        { "repeated name", U, ["MessagingBinding.Address=+1325xxxxxxx", "MessagingBinding.Address=+1415xxxxxxx"], null, "83O6e2vORAoJHUNzJjDWN1jz+BA=", true },
        { "repeated name, other order", U, ["MessagingBinding.Address=+1415xxxxxxx", "MessagingBinding.Address=+1325xxxxxxx"], null, "83O6e2vORAoJHUNzJjDWN1jz+BA=", true },
        { "repeated name, values sorted and distinct", U, ["Sid=CA123", "SidAccount=AC123", "Digits=5678", "Digits=1234", "Digits=1234"], null, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", true },
        { "JSON body", U + "&bodySHA256=" + JsonHash, [], JsonBody, "a9nBmqA0ju/hNViExpshrM61xv4=", true },
        { "JSON body, hash the only parameter", "https://mycompany.com/myapp.php?bodySHA256=" + JsonHash, [], JsonBody, "y77kIzt2vzLz71DgmJGsen2scGs=", true },
        { "empty JSON body, signed with :443", U + "&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", [], "{}", "Ldidvp12m26NI7eqEvxnEpkd9Hc=", true },
        { "JSON body without bodySHA256", U, [], JsonBody, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "legacy bodySHA256 as a form field", U, [.. P, "bodySHA256=Ch/3Y02as7ldtcmi3+lBbkFQKyg6gMfPGWMmMvluZiA="], null, "lhN9sMASXtkij921mMLP/O8yo04=", true },

        // Tampering.
        { "a field changed", U, ["CallSid=CA1234567890ABCDE", "Caller=+14158675309", "Digits=1235", "From=+14158675309", "To=+18005551212"], null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "a field added", U, [.. P, "Body=hi"], null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "the query changed", "https://mycompany.com/myapp.php?foo=1&bar=3", P, null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "the scheme changed", "http://mycompany.com" + Tail, P, null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "the host case changed", "https://MyCompany.com" + Tail, P, null, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false },
        { "signature case changed", U, P, null, "rsoydt4t1cutdk1pdd93/vvr8b8=", false },
        { "signature empty", U, P, null, "", false },
        { "JSON body changed", U + "&bodySHA256=" + JsonHash, [], "{\"property\": \"other\", \"boolean\": true}", "a9nBmqA0ju/hNViExpshrM61xv4=", false },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector(string name, string url, string[] form, string? jsonBody, string signature, bool valid)
    {
        var validator = new TwilioSignature(Token);
        var actual = jsonBody is null
            ? validator.IsValid(url, Fields(form), signature)
            : validator.IsValidJson(url, Encoding.UTF8.GetBytes(jsonBody), signature);
        Assert.True(actual == valid, $"[{name}] expected {(valid ? "valid" : "invalid")}");
    }

    [Fact]
    public void Another_auth_token_is_refused() =>
        Assert.False(new TwilioSignature("54321").IsValid(U, Fields(P), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void Compute_gives_the_official_signature() =>
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", new TwilioSignature(Token).Compute(U, Fields(P)));

    [Fact]
    public void The_tests_own_signer_gives_the_official_signatures()
    {
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioTestSigner.Sign(Token, U, P.Select(Split)));
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioTestSigner.Sign(Token, U, [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"), ("Digits", "1234")]));
    }

    /// <summary>URL, then the two URLs a signature may have been made over: port removed, default port written.</summary>
    public static TheoryData<string, string, string> Ports() => new()
    {
        { "https://sms.example.test/a?b=1", "https://sms.example.test/a?b=1", "https://sms.example.test:443/a?b=1" },
        { "https://sms.example.test:443/a", "https://sms.example.test/a", "https://sms.example.test:443/a" },
        { "http://Host.example", "http://Host.example", "http://Host.example:80" },
        { "https://u:p@Host:8443/x", "https://u:p@Host/x", "https://u:p@Host:8443/x" },
        { "https://[::1]/x", "https://[::1]/x", "https://[::1]:443/x" },
        { "https://[::1]:9000/x", "https://[::1]/x", "https://[::1]:9000/x" },
        { "https://host?q=a:b@c", "https://host?q=a:b@c", "https://host:443?q=a:b@c" },
    };

    [Theory]
    [MemberData(nameof(Ports))]
    public void Port_variants(string url, string withoutPort, string withPort) =>
        Assert.Equal((withoutPort, withPort), TwilioSignature.PortVariants(url));

    private static (string Name, string Value) Split(string field)
    {
        var equals = field.IndexOf('=', StringComparison.Ordinal);
        return (field[..equals], field[(equals + 1)..]);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string[] form) =>
        form.Select(Split).Select(f => KeyValuePair.Create(f.Name, f.Value));
}
