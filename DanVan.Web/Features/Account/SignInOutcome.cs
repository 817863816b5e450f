namespace DanVan.Web.Features.Account;

/// <summary>What a sign-in step answered, with the Vietnamese message both the form and the API show.</summary>
public sealed record SignInOutcome(SignInStatus Status, string Message = "")
{
    public bool SignedIn => Status == SignInStatus.SignedIn;
}

public enum SignInStatus
{
    SignedIn,
    TwoFactorRequired,
    WrongCredentials,
    WrongCode,
    Throttled,
    Blocked,
}
