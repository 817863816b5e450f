namespace DanVan.Tests.Support;

/// <summary>Files of the repository the tests read as they are committed (settings, compose file, CI script).</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DanVan.sln"))) folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("DanVan.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));
}
