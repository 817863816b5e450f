using DanVan.Domain.Common;
using DanVan.Domain.Organization;

namespace DanVan.Tests.Domain.Organization;

public class UnitTests
{
    private static (Unit Agency, Unit Office, Unit Team) Tree()
    {
        var agency = Unit.CreateAgency("VP", "Văn phòng", "UBND tỉnh").WithId(1);
        var office = Unit.Create("HCTC", "Phòng Hành chính - Tổ chức", agency, 1).WithId(2);
        var team = Unit.Create("HCTC.VT", "Tổ Văn thư", office, 2).WithId(3);
        return (agency, office, team);
    }

    [Fact]
    public void Codes_are_trimmed_upper_case_and_limited_to_url_safe_characters()
    {
        var (agency, _, _) = Tree();
        Assert.Equal("TTPV-HCC_2", Unit.Create("  ttpv-hcc_2 ", "Trung tâm", agency, 1).Code);
        Assert.Equal("Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . - _", Unit.CheckCode("Phòng 1"));
        Assert.Equal("Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . - _", Unit.CheckCode("A/B"));
        Assert.NotNull(Unit.CheckCode(new string('A', 33)));
        Assert.NotNull(Unit.CheckCode(" "));
        Assert.Throws<DomainException>(() => Unit.Create("Đ1", "Đơn vị", agency, 1));
    }

    [Fact]
    public void Names_are_required_and_kept_in_composed_form()
    {
        var (_, office, _) = Tree();
        office.Rename("  Phòng Hành chi\u0301nh  ");
        Assert.Equal("Phòng Hành chính", office.Name);
        Assert.Throws<DomainException>(() => office.Rename(" "));
        Assert.Throws<DomainException>(() => office.Rename(new string('a', 257)));
    }

    [Fact]
    public void A_unit_cannot_move_under_itself_or_a_unit_beneath_it()
    {
        var (agency, office, team) = Tree();

        var self = Assert.Throws<DomainException>(() => office.MoveUnder(office, [office.Id, agency.Id]));
        var below = Assert.Throws<DomainException>(() => office.MoveUnder(team, [team.Id, office.Id, agency.Id]));

        Assert.Equal("Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.", self.Message);
        Assert.Equal(self.Message, below.Message);
        Assert.Equal(agency.Id, office.ParentId);
    }

    [Fact]
    public void A_unit_moves_under_another_branch_and_gets_a_new_token()
    {
        var (agency, office, team) = Tree();
        var other = Unit.Create("BTCD", "Ban Tiếp công dân", agency, 3).WithId(4);
        var version = team.Version;

        team.MoveUnder(other, [other.Id, agency.Id]);

        Assert.Equal(other.Id, team.ParentId);
        Assert.NotEqual(version, team.Version);
        Assert.Throws<DomainException>(() => team.MoveUnder(other, [other.Id, agency.Id])); // already there
        Assert.Equal(agency.Id, office.ParentId);
    }

    [Fact]
    public void The_agency_cannot_be_moved_or_retired()
    {
        var (agency, office, _) = Tree();
        Assert.Throws<DomainException>(() => agency.MoveUnder(office, [office.Id]));
        Assert.Throws<DomainException>(() => agency.Retire());
    }

    [Fact]
    public void A_unit_with_active_children_is_not_retired_and_nothing_goes_under_a_retired_unit()
    {
        var (agency, office, team) = Tree();
        var ex = Assert.Throws<DomainException>(() => office.Retire(hasActiveChildren: true));
        Assert.Contains("đơn vị trực thuộc đang hoạt động", ex.Message);

        team.Retire();
        Assert.True(team.IsRetired);
        Assert.Throws<DomainException>(() => team.Retire());
        Assert.Throws<DomainException>(() => Unit.Create("MOI", "Đơn vị mới", team, 9));
        Assert.Throws<DomainException>(() => office.MoveUnder(team, [team.Id, office.Id, agency.Id]));
    }

    [Fact]
    public void A_retired_unit_is_restored_unless_its_parent_is_retired()
    {
        var (_, office, team) = Tree();
        team.Retire();
        office.Retire();

        Assert.Throws<DomainException>(team.Restore);
        office.Restore();
        team.Restore();

        Assert.False(team.IsRetired);
        Assert.Throws<DomainException>(team.Restore);
    }
}
