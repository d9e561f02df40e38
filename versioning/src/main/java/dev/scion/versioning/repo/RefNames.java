package dev.scion.versioning.repo;

/** Names of the mutable pointers kept in a database's ref store. */
public final class RefNames {
    public static final String HEADS = "refs/heads/";
    public static final String TAGS = "refs/tags/";
    public static final String WORKING_SETS = "workingSets/heads/";
    public static final String DEFAULT_BRANCH = "config/default_branch";
    /** The database's default collation (CREATE / ALTER DATABASE ... COLLATE); absent for utf8mb4_0900_bin. */
    public static final String DATABASE_COLLATION = "config/database_collation";
    /** An interactive rebase's state (an encoded RebaseState), keyed by the working branch it runs on. */
    public static final String REBASES = "rebases/heads/";

    private RefNames() {
    }

    public static String branch(String name) {
        return HEADS + name;
    }

    public static String tag(String name) {
        return TAGS + name;
    }

    public static String workingSet(String branch) {
        return WORKING_SETS + branch;
    }

    public static String rebase(String workingBranch) {
        return REBASES + workingBranch;
    }

    /**
     * Branch names follow git's ref rules, loosely: no spaces, no "..", no control characters. A leading '-' is
     * allowed, as Dolt allows it (git's porcelain refuses it); such a name can only be given after '--'.
     */
    public static boolean isValidBranchName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/")
                || name.endsWith(".") || name.contains("..") || name.contains("//") || name.contains("@{")
                || name.endsWith(".lock")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*' || c == '[' || c == '\\'
                    || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
