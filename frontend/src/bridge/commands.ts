import type { EnrollmentToken } from "../api/types";

export const BRIDGE_DOWNLOAD_URL = "/api/public/downloads/counterlink-bridge.jar";
export const BRIDGE_JAR = "counterlink-bridge.jar";
export const BRIDGE_WINDOWS_ZIP = "counterlink-bridge-windows.zip";
export const BRIDGE_WINDOWS_DOWNLOAD_URL = `/api/public/downloads/${BRIDGE_WINDOWS_ZIP}`;
const RUN = `java -jar ${BRIDGE_JAR}`;

export interface OsCommands {
  enroll: string;
  doctor: string;
  installService: string;
}

/**
 * The enroll line: the server's `enrollCommand` when it sent one, else built from the
 * portal's origin. The download is a runnable jar, so a bare `counterlink-bridge …`
 * program name is spelled as `java -jar counterlink-bridge.jar …`.
 */
export function enrollLine(token: EnrollmentToken, origin: string): string {
  const fromServer = token.enrollCommand?.trim();
  if (fromServer) {
    return fromServer.replace(/^counterlink-bridge(\.jar)?(?=\s)/, RUN);
  }
  return `${RUN} enroll --server ${origin} --token ${token.token}`;
}

export function bridgeCommands(token: EnrollmentToken, origin: string): { windows: OsCommands; linux: OsCommands } {
  const enroll = enrollLine(token, origin);
  return {
    windows: { enroll, doctor: `${RUN} doctor`, installService: `${RUN} install-service` },
    linux: { enroll, doctor: `${RUN} doctor`, installService: `sudo ${RUN} install-service` },
  };
}
