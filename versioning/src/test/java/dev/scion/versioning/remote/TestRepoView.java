package dev.scion.versioning.remote;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.AddOp;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.table.TableEditor;

import java.util.ArrayList;
import java.util.List;

/** Row helpers on any repository (a clone) holding TestRepo's people table. */
final class TestRepoView {
    private final Repository repo;

    TestRepoView(Repository repo) {
        this.repo = repo;
    }

    void insert(String branch, long id) {
        WorkingSet ws = repo.workingSet(branch);
        ChunkBuffer buf = repo.newBuffer();
        RootValue root = repo.readRoot(buf, ws.working());
        TableEditor ed = new TableEditor("people", repo.readTable(buf, root.table("people").orElseThrow()), buf);
        ed.insert(new Object[] {id, "n" + id, id});
        root = root.withTable("people", ed.finish().write(buf));
        repo.updateWorkingSet(branch, ws, ws.withWorking(root.write(buf)), buf);
    }

    Hash commit(String branch, String message) {
        BranchContext ctx = new BranchContext(repo, branch);
        AddOp.addAll(ctx);
        return CommitOp.run(ctx, CommitOptions.of(message, dev.scion.versioning.testing.TestRepo.ALICE));
    }

    List<byte[]> rows(String branch) {
        RootValue root = repo.readRoot(repo.chunks(), repo.readCommit(repo.branchHead(branch).orElseThrow()).root());
        TableValue tv = repo.readTable(repo.chunks(), root.table("people").orElseThrow());
        List<byte[]> out = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(repo.chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                out.add(c.key());
            }
        }
        return out;
    }
}
