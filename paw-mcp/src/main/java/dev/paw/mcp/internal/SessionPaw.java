package dev.paw.mcp.internal;

import dev.paw.mcp.PawFactory;
import dev.paw.runtime.Paw;
import dev.paw.runtime.trust.ApprovalRequest;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The runtime that serves one MCP session: audited as that session's client, with an approver that
 * asks that session's human. Calls of one session run one at a time, so a confirm question always
 * goes to the client whose call asked it.
 */
final class SessionPaw implements AutoCloseable {

  private final PawFactory factory;
  private final String actor;
  private final ConnectedConnectors connectors;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile ConfirmPrompt prompt;
  private volatile ConfirmPrompt.Answer lastAnswer;
  private volatile long lastUsed = System.nanoTime();
  private Paw paw;

  SessionPaw(PawFactory factory, String actor, ConnectedConnectors connectors) {
    this.factory = factory;
    this.actor = actor;
    this.connectors = connectors;
  }

  String actor() {
    return actor;
  }

  /** Runs {@code work} alone in this session, asking through {@code prompt} if it must ask. */
  <T> T exclusive(ConfirmPrompt currentPrompt, Supplier<T> work) {
    lock.lock();
    try {
      lastUsed = System.nanoTime();
      prompt = currentPrompt;
      lastAnswer = null;
      return work.get();
    } finally {
      prompt = null;
      lock.unlock();
    }
  }

  long lastUsed() {
    return lastUsed;
  }

  /** Closes this session's runtime unless a call is running; true when it closed. */
  boolean closeIfIdle() {
    if (!lock.tryLock()) {
      return false;
    }
    try {
      close();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** How the human answered the last question of the current call, or {@code null}. */
  ConfirmPrompt.Answer lastAnswer() {
    return lastAnswer;
  }

  synchronized Paw paw() {
    if (paw == null) {
      paw = factory.create(actor, this::approve);
    }
    return paw;
  }

  private boolean approve(ApprovalRequest request) {
    ConfirmPrompt current = prompt;
    if (current == null) {
      lastAnswer = ConfirmPrompt.Answer.UNAVAILABLE;
      return false;
    }
    ConfirmPrompt.Answer answer = current.ask(connectors.question(request));
    lastAnswer = answer;
    return answer == ConfirmPrompt.Answer.ACCEPTED;
  }

  @Override
  public synchronized void close() {
    if (paw != null) {
      paw.close();
      paw = null;
    }
  }
}
