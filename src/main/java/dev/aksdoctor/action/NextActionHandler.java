package dev.aksdoctor.action;

import dev.aksdoctor.check.NextAction;

/**
 * What answers one {@link NextAction} button: a read-only button route in {@code command/}, or a
 * {@link WriteAction}. Every {@code NextAction} has exactly one (see {@code NextActionHandlersTest}).
 */
public interface NextActionHandler {

    NextAction action();
}
