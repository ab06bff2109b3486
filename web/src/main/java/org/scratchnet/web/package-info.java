/**
 * The live playground: {@link org.scratchnet.web.PlaygroundServer} serves a page (static files
 * from the jar, no framework, works offline) and streams each session's training to it as
 * Server-Sent Events. Training uses core's layers, losses and optimizers the way core's Trainer
 * does, so a playground run and {@code scratchnet train} with the same seed give the same numbers.
 *
 * <p>Depends on core only (and the JDK's {@code com.sun.net.httpserver}); nothing in core or the
 * other apps imports this package.
 */
package org.scratchnet.web;
