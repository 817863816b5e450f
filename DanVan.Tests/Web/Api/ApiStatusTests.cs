using System.Net;
using System.Text;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin.Users;

namespace DanVan.Tests.Web.Api;

[Collection(SharedPortal.Name)]
public sealed class ApiStatusTests(DanVanFactory app)
{
    [Fact]
    public async Task A_bearer_client_gets_415_for_a_wrong_content_type_and_404_for_an_unknown_path()
    {
        var api = await app.ApiAsync("btcd@danvan.local");
        var text = await api.PutAsync("/api/v1/periods/2021-Y/units/BTCD/values", new StringContent("A=1", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);

        var unknown = await api.GetAsync("/api/v1/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        // A page path is not an API path: the page rules stay.
        Assert.True((await app.CreateBrowser().GetAsync("/admin/users")).IsSignInRedirect());
    }
}
