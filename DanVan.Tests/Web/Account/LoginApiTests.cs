using System.Net;
using System.Text;
using DanVan.Data.Seeding;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Account;

[Collection(SharedPortal.Name)]
public sealed class LoginApiTests(DanVanFactory app)
{
    [Fact]
    public async Task A_login_body_over_4_KB_is_refused_before_it_is_parsed()
    {
        var padding = new string('a', 5000);
        var body = new StringContent($$"""{"email":"btcd@danvan.local","password":"{{SeedOptions.DemoPassword}}","x":"{{padding}}"}""", Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync("/api/v1/auth/login", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_login_that_is_not_json_gets_415_and_a_json_that_is_not_an_object_400()
    {
        var form = await app.CreateClient().PostAsync("/api/v1/auth/login", new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        var array = await app.CreateClient().PostAsync("/api/v1/auth/login", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
    }
}
