using Microsoft.Data.Sqlite;

namespace DanVan.Data;

/// <summary>
/// Online backup and restore of the embedded SQLite database through SQLite's backup API: consistent while the
/// portal keeps writing (WAL included), page by page, without stopping it.
/// </summary>
public static class SqliteBackup
{
    public static void Backup(string connectionString, string targetFile)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target)) throw new IOException($"{target} already exists; choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var source = new SqliteConnection(connectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>Replaces the database with a backup. Stop the portal first: open connections would see a changed file.</summary>
    public static void Restore(string backupFile, string connectionString)
    {
        var backup = Path.GetFullPath(backupFile);
        if (!File.Exists(backup)) throw new FileNotFoundException($"{backup} does not exist.");
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(connectionString);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }
}
