namespace DanVan.Tests.Support;

public static class PortalUsers
{
    public static async Task<HttpClient> SignedInAsync(this DanVanFactory factory, string email)
    {
        var client = factory.CreateBrowser();
        var response = await client.SignInAsync(email);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
