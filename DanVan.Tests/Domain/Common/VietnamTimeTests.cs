using DanVan.Domain.Common;
using DanVan.Domain.Formatting;
using Microsoft.Extensions.Time.Testing;

namespace DanVan.Tests.Domain.Common;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Today_is_Vietnams_day_whatever_the_servers_time_zone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 6, 15, 18, 30, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);

        Assert.Equal(new DateOnly(2021, 6, 16), VietnamTime.Today(clock));
        Assert.Equal("16/6/2021 01:30", VietnameseFormat.LocalDateTime(clock.GetUtcNow()));
    }

    [Fact]
    public void A_local_day_starts_at_midnight_in_Vietnam()
    {
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 17, 0, 0, TimeSpan.Zero), VietnamTime.StartOf(new DateOnly(2021, 6, 17)).ToUniversalTime());
    }
}
