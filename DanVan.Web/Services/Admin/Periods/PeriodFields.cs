namespace DanVan.Web.Services.Admin.Periods;

/// <summary>Field names shared by the forms, the API's problem details and the service's errors.</summary>
public static class PeriodFields
{
    public const string Kind = "Kind";
    public const string Year = "Year";
    public const string UnitDeadline = "UnitDeadline";
    public const string SendDeadline = "SendDeadline";
    public const string Reason = "Reason";
}
