package dev.paw.mcp;

import dev.paw.runtime.Paw;
import dev.paw.runtime.trust.Approver;

/**
 * Builds the {@link Paw} that serves one MCP session. The server gives the actor the audit trail
 * names (the MCP client's name) and the approver that asks the session's human; the factory adds
 * everything else (home, credentials, limits). Its {@link dev.paw.runtime.PawBuilder#adminApprover}
 * must stay the default, which denies: no agent or MCP client approves a restricted action.
 */
@FunctionalInterface
public interface PawFactory {

  Paw create(String actor, Approver approver);
}
