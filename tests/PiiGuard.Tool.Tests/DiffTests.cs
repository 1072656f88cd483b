using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PiiGuard.Tool.Tests;

/// <summary>piiguard diff (issue 16, part 3): two inventories in, Markdown and JSON out, exit 3 when the head adds personal data.</summary>
public sealed class DiffTests
{
    private const string Base = """
        {"schema": "piiguard-inventory/1", "projects": ["Shop"], "summary": {},
         "members": [{"type": "Shop.Customer", "member": "Email", "kind": "Email", "sensitive": false, "source": "Pii", "project": "Shop", "file": "Customer.cs", "line": 5}],
         "flows": [{"type": "Shop.Customer", "member": "Email", "kind": "Email", "sink": "ILogger.LogInformation", "state": "leaking", "rule": "PII001", "project": "Shop", "file": "Signup.cs", "line": 10}],
         "findings": [{"rule": "PII001", "level": "warning", "message": "Customer.Email (Email) reaches ILogger.LogInformation unmasked", "project": "Shop", "file": "Signup.cs", "line": 10}],
         "accepted": []}
        """;

    // The same leak moved to another line (not a change), the e-mail now masked in a second place, a card number added and sent out.
    private const string Head = """
        {"schema": "piiguard-inventory/1", "projects": ["Shop"], "summary": {},
         "members": [{"type": "Shop.Customer", "member": "Email", "kind": "Email", "sensitive": false, "source": "Pii", "project": "Shop", "file": "Customer.cs", "line": 7},
                     {"type": "Shop.Customer", "member": "Card", "kind": "PaymentCard", "sensitive": true, "source": "Pii", "project": "Shop", "file": "Customer.cs", "line": 8}],
         "flows": [{"type": "Shop.Customer", "member": "Email", "kind": "Email", "sink": "ILogger.LogInformation", "state": "leaking", "rule": "PII001", "project": "Shop", "file": "Signup.cs", "line": 40},
                   {"type": "Shop.Customer", "member": "Email", "kind": "Email", "sink": "ILogger.LogInformation", "state": "masked", "rule": "PII202", "project": "Shop", "file": "Signup.cs", "line": 41},
                   {"type": "Shop.Customer", "member": "Card", "kind": "PaymentCard", "sink": "HttpClient.PostAsync", "state": "leaking", "rule": "PII002", "project": "Shop", "file": "Pay.cs", "line": 12}],
         "findings": [{"rule": "PII001", "level": "warning", "message": "Customer.Email (Email) reaches ILogger.LogInformation unmasked", "project": "Shop", "file": "Signup.cs", "line": 40},
                      {"rule": "PII002", "level": "warning", "message": "Customer.Card (PaymentCard, sensitive) leaves the process through HttpClient.PostAsync unmasked", "project": "Shop", "file": "Pay.cs", "line": 12}],
         "accepted": []}
        """;

    [Fact]
    public void New_personal_data_and_egress_exit_3_with_markdown_and_json()
    {
        string root = Run.NewTempDirectory("diff");
        try
        {
            File.WriteAllText(Path.Combine(root, "base.json"), Base);
            File.WriteAllText(Path.Combine(root, "head.json"), Head);
            ProcessResult diff = Run.Tool(root, "diff", "base.json", "head.json", "--json", "diff.json", "--md", "diff.md");
            Assert.True(diff.ExitCode == 3, diff.Describe());
            string md = File.ReadAllText(Path.Combine(root, "diff.md"));
            Assert.Contains("1 personal member(s) added, 0 removed · 2 flow(s) added (1 leaking), 0 removed · 1 finding(s) new, 0 fixed", md);
            Assert.Contains("**Needs a privacy review:**", md);
            Assert.Contains("| Shop.Customer | Card | PaymentCard | yes | Pii | Customer.cs:8 |", md);
            Assert.Contains("| Shop.Customer | Card | HttpClient.PostAsync | **leaking** | PII002 | Pay.cs:12 |", md);
            Assert.Contains("| Shop.Customer | Email | ILogger.LogInformation | masked | PII202 | Signup.cs:41 |", md);
            Assert.Equal(md, diff.Output.Replace("\r\n", "\n", StringComparison.Ordinal));

            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "diff.json")));
            Assert.Equal("piiguard-diff/1", json.RootElement.GetProperty("schema").GetString());
            Assert.True(json.RootElement.GetProperty("needsReview").GetBoolean());
            Assert.Equal(new[] { "Card" }, json.RootElement.GetProperty("membersAdded").EnumerateArray().Select(m => m.GetProperty("member").GetString()).ToArray());
            Assert.Equal(new[] { "leaking", "masked" }, json.RootElement.GetProperty("flowsAdded").EnumerateArray().Select(m => m.GetProperty("state").GetString()).OrderBy(s => s).ToArray());
            Assert.Equal("PII002", json.RootElement.GetProperty("findingsNew")[0].GetProperty("rule").GetString());
            Assert.Empty(json.RootElement.GetProperty("findingsFixed").EnumerateArray());

            // The reverse: only removals, nothing to review.
            ProcessResult back = Run.Tool(root, "diff", "head.json", "base.json");
            Assert.True(back.ExitCode == 0, back.Describe());
            Assert.Contains("0 personal member(s) added, 1 removed · 0 flow(s) added (0 leaking), 2 removed · 0 finding(s) new, 1 fixed", back.Output);

            // Moving code only: no difference.
            ProcessResult same = Run.Tool(root, "diff", "base.json", "base.json");
            Assert.True(same.ExitCode == 0, same.Describe());
            Assert.Contains("Nothing new", same.Output);
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void An_unreadable_inventory_gives_one_line_and_exit_2()
    {
        string root = Run.NewTempDirectory("diff-bad");
        try
        {
            File.WriteAllText(Path.Combine(root, "base.json"), "{\"schema\": \"something-else\"}");
            File.WriteAllText(Path.Combine(root, "broken.json"), "{ not json");
            foreach (string[] args in new[] { new[] { "diff", "base.json", "base.json" }, new[] { "diff", "broken.json", "broken.json" }, new[] { "diff", "missing.json", "base.json" }, new[] { "diff", "base.json" } })
            {
                ProcessResult result = Run.Tool(root, args);
                Assert.True(result.ExitCode == 2, result.Describe());
                Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith("piiguard: ", result.Output);
                FailClosedTests.AssertNoStackTrace(result);
            }
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    /// <summary>
    /// diff --base: the base is the scan of a commit, checked out in a temporary worktree; the head the working tree's scan,
    /// or a head inventory. The Clinic solution committed, a leak added to the working tree: the new finding shows, exit 3;
    /// the leak committed, the diff against the new HEAD is empty, exit 0; the temporary worktree is gone afterwards.
    /// </summary>
    [Fact]
    public void Base_ref_is_scanned_in_a_temporary_worktree_and_a_new_leak_shows()
    {
        string root = Run.NewTempDirectory("diff-git");
        try
        {
            Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Clinic"), root);
            Git(root, "init", "--quiet");
            Git(root, "add", "--all");
            Git(root, "-c", "user.name=PiiGuard Tests", "-c", "user.email=tests@example.com", "commit", "--quiet", "-m", "clinic");

            string admissions = Path.Combine(root, "Clinic.App", "Admissions.cs");
            string text = File.ReadAllText(admissions);
            const string Anchor = "            string pseudonym";
            Assert.Contains(Anchor, text);
            File.WriteAllText(admissions, text.Replace(Anchor, "            _logger.LogWarning(\"Checking {Ssn}\", patient.Ssn);\n\n" + Anchor, StringComparison.Ordinal));

            ProcessResult diff = Run.Tool(root, "diff", "--base", "HEAD", "Clinic.sln", "--md", "diff.md", "--json", "diff.json");
            Assert.True(diff.ExitCode == 3, diff.Describe());
            string md = File.ReadAllText(Path.Combine(root, "diff.md"));
            Assert.Contains("0 personal member(s) added, 0 removed · 1 flow(s) added (1 leaking), 0 removed · 1 finding(s) new, 0 fixed", md);
            Assert.Contains("| Clinic.Domain.Patient | Ssn | ILogger.LogWarning | **leaking** | PII001 |", md);
            Assert.Contains("| PII001 | warning | Patient.Ssn (NationalId, sensitive, inferred from the name) reaches ILogger.LogWarning unmasked |", md);
            Assert.Contains("<sub>HEAD (", md);
            Assert.Contains("piiguard: scanning HEAD (", diff.Output);
            using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "diff.json"))))
            {
                Assert.Equal("PII001", Assert.Single(json.RootElement.GetProperty("findingsNew").EnumerateArray()).GetProperty("rule").GetString());
                Assert.Empty(json.RootElement.GetProperty("findingsFixed").EnumerateArray());
            }

            // The temporary worktree is removed: only the repository's own is left.
            Assert.Single(Git(root, "worktree", "list").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            // The leak committed: against the new HEAD, with the head given as an inventory, nothing is new.
            Git(root, "-c", "user.name=PiiGuard Tests", "-c", "user.email=tests@example.com", "commit", "--quiet", "--all", "-m", "leak");
            ProcessResult scan = Run.Tool(root, "Clinic.sln", "--no-progress", "--no-restore", "--fail-on", "none", "--json", "head.json");
            Assert.True(scan.ExitCode == 0, scan.Describe());
            ProcessResult same = Run.Tool(root, "diff", "--base", "HEAD", "head.json");
            Assert.True(same.ExitCode == 0, same.Describe());
            Assert.Contains("Nothing new", same.Output);
            Assert.Contains(" → head.json · piiguard diff", same.Output);

            // The README's form: the solution named, and the head inventory CI already made.
            ProcessResult named = Run.Tool(root, "diff", "--base", "HEAD", "Clinic.sln", "head.json", "--md", "comment.md");
            Assert.True(named.ExitCode == 0, named.Describe());
            Assert.Contains("Nothing new", File.ReadAllText(Path.Combine(root, "comment.md")));
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    [Fact]
    public void A_base_that_is_not_a_commit_or_outside_git_gives_one_line_and_exit_2()
    {
        string root = Run.NewTempDirectory("diff-git-bad");
        try
        {
            string repository = Path.Combine(root, "repository");
            string plain = Path.Combine(root, "plain");
            Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Clinic"), repository);
            Run.CopyDirectory(Path.Combine(Run.RepositoryRoot, "tests", "PiiGuard.Tool.Tests", "Fixtures", "Clinic"), plain);
            Git(repository, "init", "--quiet");
            Git(repository, "add", "--all");
            Git(repository, "-c", "user.name=PiiGuard Tests", "-c", "user.email=tests@example.com", "commit", "--quiet", "-m", "clinic");
            (string Folder, string[] Args, string Message)[] cases =
            {
                (repository, new[] { "diff", "--base", "no-such-branch" }, "piiguard: --base 'no-such-branch' is not a commit in "),
                (repository, new[] { "diff", "--base", "HEAD~5", "Clinic.sln" }, "piiguard: --base 'HEAD~5' is not a commit in "),
                (repository, new[] { "diff", "--base" }, "piiguard: --base needs a value"),
                (repository, new[] { "diff", "--base", "HEAD", "a.json", "b.json" }, "piiguard: diff --base takes a solution or project and a head inventory, one of each at most"),
                (plain, new[] { "diff", "--base", "HEAD" }, "piiguard: --base needs a git repository: "),
            };
            foreach ((string folder, string[] args, string message) in cases)
            {
                ProcessResult result = Run.Tool(folder, args);
                Assert.True(result.ExitCode == 2, result.Describe());
                Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith(message, result.Output);
                FailClosedTests.AssertNoStackTrace(result);
            }
        }
        finally
        {
            Run.TryDelete(root);
        }
    }

    private static ProcessResult Git(string folder, params string[] args)
    {
        ProcessResult result = Run.Process("git", folder, TimeSpan.FromMinutes(1), args);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result;
    }
}
