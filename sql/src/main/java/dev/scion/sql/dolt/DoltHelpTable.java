package dev.scion.sql.dolt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dolt_help: one row per version-control procedure with its command-line synopsis, a one-line and a longer
 * description and its options as a JSON object (option → meaning). Rows come in Dolt's order (the order of its
 * command list), which is not alphabetical.
 */
final class DoltHelpTable implements SystemTable {
    private record Entry(String name, String synopsis, String shortDescription, String longDescription,
            Map<String, String> arguments) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("dolt_add", "dolt add [<table>...]", "Stages table changes for the next commit.",
                    "Stages tables: it updates the list of tables in the staged root from their working versions, so "
                            + "the next dolt_commit records them. '.' or -A stages every table.",
                    "<table>", "A table to stage; '.' means all tables.", "-A, --all", "Stages every changed table."),
            entry("dolt_reset", "dolt reset [--hard | --soft] [<revision> | <table>...]",
                    "Resets staged or working tables to HEAD or another revision.",
                    "With tables, unstages them. --soft moves staged tables back to HEAD and keeps the working set; "
                            + "--hard makes both the staged and the working set equal to the revision (HEAD if none).",
                    "--hard", "Resets the working set and the staged tables.", "--soft",
                    "Resets the staged tables only.", "<revision>", "The commit to reset to."),
            entry("dolt_clean", "dolt clean [--dry-run] [<table>...]", "Removes untracked tables from the working set.",
                    "Drops tables that were created since the last commit and are not staged, or only the ones "
                            + "named. Tables matched by dolt_ignore are left alone.",
                    "--dry-run", "Lists the tables that would be removed without removing them.", "<table>",
                    "An untracked table to remove."),
            entry("dolt_commit", "dolt commit [-a | -A] [--allow-empty] [--amend] -m <message>",
                    "Records the staged changes as a new commit.",
                    "Creates a commit of the staged root whose parent is the current HEAD and moves the branch to it. "
                            + "-a stages modified tables first, -A also new ones.",
                    "-m, --message", "The commit message.", "-a, --all", "Stages modified and deleted tables first.",
                    "-A, --ALL", "Stages every table, new ones included, first.", "--allow-empty",
                    "Commits even when nothing changed.", "--amend", "Replaces the HEAD commit.",
                    "--author", "The author, as 'Name <email>'.", "--date", "The commit date."),
            entry("dolt_branch", "dolt branch [--list] | [-f] <name> [<start-point>] | -m <old> <new> | -c <old> <new>"
                    + " | -d <name>...", "Creates, copies, renames, deletes or lists branches.",
                    "Without options creates a branch at the start point (HEAD if none). -m renames, -c copies and "
                            + "-d deletes a branch; --list shows them (the dolt_branches table shows them too).",
                    "--list", "Lists branches.", "-f, --force", "Overwrites or deletes regardless of state.",
                    "-m, --move", "Renames a branch.", "-c, --copy", "Copies a branch.", "-d, --delete",
                    "Deletes a fully merged branch.", "-D", "Deletes a branch whether merged or not."),
            entry("dolt_checkout", "dolt checkout <branch> | -b <new-branch> [<start-point>] | <table>...",
                    "Switches the session's branch or restores tables.",
                    "With a branch name, the session works on that branch from now on. -b creates the branch first. "
                            + "With table names, restores those tables to their staged version.",
                    "-b", "Creates the branch and switches to it.", "-B", "Creates or resets the branch and switches.",
                    "<table>", "A table to restore."),
            entry("dolt_merge", "dolt merge [--squash] [--no-ff] [--ff-only] [-m <message>] <branch> | --abort",
                    "Joins the history of another branch into the current one.",
                    "Merges the named branch or commit into HEAD: a fast-forward when HEAD is its ancestor, otherwise "
                            + "a three-way merge of the roots that may leave conflicts and constraint violations.",
                    "<branch>", "The branch or commit to merge.", "--no-ff", "Always creates a merge commit.",
                    "--ff-only", "Refuses unless a fast-forward is possible.", "--squash",
                    "Merges the changes without recording the other parent.", "--abort",
                    "Gives up a merge with conflicts.", "-m, --message", "The merge commit message."),
            entry("dolt_conflicts_resolve", "dolt conflicts resolve --ours | --theirs <table>...",
                    "Resolves the merge conflicts of tables by taking one side.",
                    "For each named table (or '.' for all), keeps the rows of our side or takes theirs for every "
                            + "conflicting row and clears the table's conflicts.",
                    "<table>", "A table with conflicts; '.' means all.", "--ours", "Keeps the current branch's rows.",
                    "--theirs", "Takes the merged branch's rows."),
            entry("dolt_cherry_pick", "dolt cherry-pick [--allow-empty] <commit> | --abort | --continue",
                    "Applies the changes of one commit to the current branch.",
                    "Applies the changes from an existing commit onto HEAD as a new commit with the same message. "
                            + "Conflicts stop it until they are resolved and --continue is called.",
                    "<commit>", "The commit whose changes to apply.", "--abort", "Gives up a stopped cherry-pick.",
                    "--continue", "Commits a cherry-pick after its conflicts are resolved.", "--allow-empty",
                    "Applies a commit whose changes are already present."),
            entry("dolt_revert", "dolt revert <commit>...", "Undoes the changes of commits in new commits.",
                    "Removes the changes made in a commit (or several, newest first) from HEAD by applying their "
                            + "inverse, each as a new commit that names the reverted one.",
                    "<commit>", "A commit to revert.", "--author", "The author of the new commits."),
            entry("dolt_clone", "dolt clone [--branch <branch>] [--remote <name>] <url> [<database>]",
                    "Copies a remote database into a new local one.",
                    "Creates a database from a remote's branches and history and sets that remote as its origin.",
                    "<url>", "Where the remote database is.", "--branch, -b", "The branch to check out.",
                    "--remote", "The name for the remote (origin if none)."),
            entry("dolt_fetch", "dolt fetch [<remote>] [<refspec>...]", "Downloads branches from a remote.",
                    "Copies the commits of the remote's branches and updates the remote-tracking branches; the local "
                            + "branches stay as they are.",
                    "<remote>", "The remote to fetch from (origin if none).", "--prune",
                    "Removes remote-tracking branches gone from the remote."),
            entry("dolt_pull", "dolt pull [<remote> [<branch>]]", "Fetches from a remote and merges into this branch.",
                    "Fetches the remote's branch and merges it into the current branch, as dolt_fetch followed by "
                            + "dolt_merge.",
                    "<remote>", "The remote to pull from.", "<branch>", "The remote branch to merge.", "--squash",
                    "Merges without recording the other parent.", "--no-ff", "Always creates a merge commit."),
            entry("dolt_push", "dolt push [-u] [--force] <remote> <branch>", "Uploads a branch to a remote.",
                    "Updates the remote's branch with the local one's commits; refused unless a fast-forward or "
                            + "--force is given.",
                    "<remote>", "The remote to push to.", "<branch>", "The branch to push.", "-u, --set-upstream",
                    "Records the remote branch as the upstream.", "-f, --force", "Overwrites the remote branch."),
            entry("dolt_remote", "dolt remote add <name> <url> | remove <name>", "Adds or removes remotes.",
                    "Manages the named remote databases this database can fetch from and push to; dolt_remotes lists "
                            + "them.",
                    "add", "Adds a remote.", "remove, rm", "Removes a remote."),
            entry("dolt_backup", "dolt backup add <name> <url> | remove <name> | sync <name>",
                    "Manages backups of the whole database.",
                    "A backup copies every branch, tag and the working sets to another location, which can later be "
                            + "restored.",
                    "add", "Adds a backup location.", "remove, rm", "Removes a backup location.", "sync",
                    "Copies the database to a backup."),
            entry("dolt_tag", "dolt tag [-m <message>] <name> [<revision>] | -d <name>",
                    "Creates or deletes tags.",
                    "Gives a commit (HEAD if none named) a lasting name; with -m the tag carries a message. "
                            + "dolt_tags lists the tags.",
                    "<name>", "The tag's name.", "<revision>", "The commit to tag.", "-m, --message",
                    "The tag's message.", "-d, --delete", "Deletes a tag."),
            entry("dolt_gc", "dolt gc [--shallow]", "Removes data no branch, tag or working set reaches.",
                    "Collects the garbage of the store: chunks left behind by reset, rebased or deleted branches.",
                    "--shallow", "Does a quicker, less thorough collection."),
            entry("dolt_stash", "dolt stash [push | pop | drop | clear] [<stash>]",
                    "Puts working changes aside and brings them back.",
                    "push saves the staged and working changes and resets to HEAD; pop applies a saved entry and "
                            + "drops it; drop and clear remove entries. dolt_stashes lists them.",
                    "push", "Saves the changes.", "pop", "Applies and removes an entry.", "drop",
                    "Removes an entry.", "clear", "Removes every entry.", "-u, --include-untracked",
                    "Also saves new tables."),
            entry("dolt_rebase", "dolt rebase [-i] <upstream> | --continue | --abort",
                    "Replays this branch's commits on top of another.",
                    "Finds the commits since the branch split from the upstream and applies them again on top of it. "
                            + "With -i the plan is written to dolt_rebase, where it can be edited before --continue.",
                    "<upstream>", "The branch or commit to replay onto.", "-i, --interactive",
                    "Lets the plan be edited first.", "--continue", "Runs the (edited) plan.", "--abort",
                    "Gives up the rebase."),
            entry("dolt_rm", "dolt rm [--cached] <table>...", "Drops tables and stages the drop.",
                    "Removes the named tables from the working set and the staged root, so the next commit records "
                            + "their deletion. --cached only unstages them.",
                    "<table>", "A table to remove.", "--cached", "Removes the table from the staged root only."));

    private static Entry entry(String name, String synopsis, String shortDescription, String longDescription,
            String... arguments) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            args.put(arguments[i], arguments[i + 1]);
        }
        return new Entry(name, synopsis, shortDescription, longDescription, args);
    }

    @Override
    public String name() {
        return "dolt_help";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("name", Columns.text(f, 1024)).add("type", Columns.text(f, 64))
                .add("synopsis", Columns.text(f, 65535)).add("short_description", Columns.text(f, 65535))
                .add("long_description", Columns.text(f, 65535)).add("arguments", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        ObjectMapper json = new ObjectMapper();
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : ENTRIES) {
            try {
                rows.add(new Object[] {e.name(), "procedure", e.synopsis(), e.shortDescription(), e.longDescription(),
                    json.writeValueAsString(e.arguments())});
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible); // a map of strings always serialises
            }
        }
        return RowStream.of(rows);
    }
}
