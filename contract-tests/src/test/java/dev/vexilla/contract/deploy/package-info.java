/**
 * The deployment files in {@code deploy/}: the compose file's processes started without Docker, the systemd unit and
 * its environment file checked against the server's options and the deployment guide.
 */
@NullMarked
package dev.vexilla.contract.deploy;

import org.jspecify.annotations.NullMarked;
