import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 542:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(596);
// Entry of the main step: no logic here (docs/style.md §1); see run.ts.

await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./build/action/workflow-commands.js



/**
 * The few runner interactions the Action needs, written the way @actions/core writes them (workflow commands on
 * stdout; `name<<delimiter` blocks in the GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STATE files; see
 * docs.github.com/actions/reference/workflow-commands-for-github-actions). Not @actions/core itself: it loads an HTTP
 * client and a process runner the Action never uses, and every millisecond of start-up is a millisecond of the job.
 */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function setSecret(secret) {
    issue('add-mask', secret);
}
function setOutput(name, value) {
    writeFileCommand('GITHUB_OUTPUT', name, value);
}
function saveState(name, value) {
    writeFileCommand('GITHUB_STATE', name, value);
}
/** For the following steps of the job (GITHUB_ENV), and for this process. */
function exportVariable(name, value) {
    process.env[name] = value;
    writeFileCommand('GITHUB_ENV', name, value);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', message);
}
function workflow_commands_warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** One `::error::` annotation and a failed step. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup', '');
}
/** Appends Markdown or HTML to the job summary (GITHUB_STEP_SUMMARY); nothing when the runner gave no file. */
function appendSummary(text) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (path !== undefined && path !== '')
        (0,external_node_fs_namespaceObject.appendFileSync)(path, text + external_node_os_namespaceObject.EOL, 'utf8');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** The runner's multi-line file format; the delimiter is random, so a value cannot end its own block. */
function writeFileCommand(variable, name, value) {
    const path = process.env[variable];
    if (path === undefined || path === '') {
        // An old runner without the files: the deprecated stdout forms still work there.
        const command = variable === 'GITHUB_OUTPUT' ? 'set-output' : variable === 'GITHUB_STATE' ? 'save-state' : 'set-env';
        process.stdout.write(`${external_node_os_namespaceObject.EOL}::${command} name=${escapeProperty(name)}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./build/src/emulator/aws-environment.js
/** Resolves to 127.0.0.1 in public DNS; makes virtual-host S3 addressing (`bucket.s3.localhost.localstack.cloud`) work. */
const LOCALSTACK_HOSTNAME = 'localhost.localstack.cloud';
/** The region the AWS CLI and SDKs get when the job names none (they refuse to guess one). */
const DEFAULT_REGION = 'us-east-1';
/** LocalStack accepts any credentials; `test` is what its docs and the incumbent action use. */
const DUMMY_CREDENTIAL = 'test';
/** Variables that mean the job already has AWS credentials of its own: the Action then exports none. */
const CREDENTIAL_SOURCES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
/**
 * What the following steps need for an AWS CLI or SDK call to reach LocalStack, as `[name, value]` pairs to export.
 * The endpoint always; dummy credentials only when the job has no credential source at all (never overriding a real
 * one); `AWS_DEFAULT_REGION` and `AWS_REGION` only where unset, each taking the other's value when that one is set.
 */
function awsEnvironment(gatewayPort, existing) {
    const isSet = (name) => (existing[name] ?? '') !== '';
    const variables = [['AWS_ENDPOINT_URL', `http://${LOCALSTACK_HOSTNAME}:${gatewayPort}`]];
    if (!CREDENTIAL_SOURCES.some(isSet))
        variables.push(['AWS_ACCESS_KEY_ID', DUMMY_CREDENTIAL], ['AWS_SECRET_ACCESS_KEY', DUMMY_CREDENTIAL]);
    const region = (isSet('AWS_REGION') ? existing.AWS_REGION : existing.AWS_DEFAULT_REGION) || DEFAULT_REGION;
    if (!isSet('AWS_DEFAULT_REGION'))
        variables.push(['AWS_DEFAULT_REGION', region]);
    if (!isSet('AWS_REGION'))
        variables.push(['AWS_REGION', region]);
    return variables;
}

;// CONCATENATED MODULE: ./build/src/errors.js
/**
 * The error hierarchy shared by every front end (docs/style.md §4).
 *
 * Every message has the shape `<what failed>: <why, with the observed facts>. <what to do>.` and never contains a raw
 * token: callers pass `redactToken(token)` when a token must be named.
 */
class GuardError extends Error {
    /** Extra advice shown after the message where a front end has room for it. */
    hint;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.hint = options.hint;
    }
}
/** A command-line argument, Action input or other user-supplied value is not acceptable. */
class InvalidInputError extends GuardError {
    code = 'invalid-input';
    name = 'InvalidInputError';
}
/** `.github/localstack-guard.yml` (or another config source) does not match the schema. */
class InvalidConfigError extends GuardError {
    code = 'invalid-config';
    name = 'InvalidConfigError';
    /** One `path: message` line per problem, in file order. */
    problems;
    constructor(message, problems, options = {}) {
        super(message, options);
        this.problems = problems;
    }
}
/** A token is token-shaped but its checksum is wrong, or it is not token-shaped at all. */
class InvalidTokenError extends GuardError {
    code = 'invalid-token';
    name = 'InvalidTokenError';
}
/** A file, directory or git object could not be read. */
class SourceReadError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'source-unreadable';
    name = 'SourceReadError';
}
/** Turns anything thrown into an `Error` without losing it (docs/style.md §4: catch as unknown). */
function toError(thrown) {
    if (thrown instanceof Error)
        return thrown;
    return new Error(typeof thrown === 'string' ? thrown : `non-error thrown: ${String(thrown)}`, { cause: thrown });
}
// ---- The Action and the emulator. Codes are stable: the README troubleshooting section is keyed by them.
/** A personal developer token (`ls-`) was given while `CI` is set, and `allow-developer-token` is not `true`. */
class DeveloperTokenInCiError extends GuardError {
    code = 'developer-token-in-ci';
    name = 'DeveloperTokenInCiError';
}
/** A legacy API key (no `ls…-` prefix): these no longer activate (docs/facts.md §2.9). */
class LegacyKeyError extends GuardError {
    code = 'legacy-key';
    name = 'LegacyKeyError';
}
/** No credential at all: no input, no `LOCALSTACK_AUTH_TOKEN`, no `LOCALSTACK_API_KEY`. */
class MissingTokenError extends GuardError {
    code = 'missing-token';
    name = 'MissingTokenError';
}
/** Both `LOCALSTACK_AUTH_TOKEN` and `LOCALSTACK_API_KEY` are set, which the emulator refuses (docs/facts.md §2.1). */
class ConflictingCredentialsError extends GuardError {
    code = 'conflicting-credentials';
    name = 'ConflictingCredentialsError';
}
/** The container runtime cannot be reached at all (no Docker, wrong `DOCKER_HOST`, no permission on the socket). */
class DockerUnavailableError extends GuardError {
    code = 'docker-unavailable';
    name = 'DockerUnavailableError';
}
/** The image is not present locally and could not be pulled. */
class ImagePullError extends GuardError {
    code = 'image-pull-failed';
    name = 'ImagePullError';
}
/** The image is not on the machine and the pull policy forbids pulling it (`skip-pull`, `pull-policy: never`). */
class ImageMissingError extends GuardError {
    code = 'image-missing';
    name = 'ImageMissingError';
}
/** An input of the older composite action that this Action cannot honour (state, cloud pods, ephemeral previews). */
class UnsupportedInputError extends GuardError {
    code = 'unsupported-input';
    name = 'UnsupportedInputError';
}
/** A port the emulator needs on the host is already taken. */
class PortInUseError extends GuardError {
    code = 'port-in-use';
    name = 'PortInUseError';
}
/** The container could not be created or started (name conflict, bad mount, runtime refusal). */
class EmulatorStartError extends GuardError {
    code = 'emulator-start-failed';
    name = 'EmulatorStartError';
}
/** The container exited with code 55: LocalStack refused the licence (docs/facts.md §2.5). */
class ActivationFailedError extends GuardError {
    code = 'activation-failed';
    name = 'ActivationFailedError';
    /** The banner's `Reason:` line, or undefined when the container printed none. */
    reason;
    logTail;
    constructor(message, exit, options = {}) {
        super(message, options);
        this.reason = exit.reason;
        this.logTail = exit.logTail;
    }
}
/** The container stopped before it was ready, with an exit code other than 55 (a crash, an OOM kill). */
class EmulatorExitedError extends GuardError {
    code = 'emulator-exited';
    name = 'EmulatorExitedError';
    exitCode;
    logTail;
    constructor(message, exit, options = {}) {
        super(message, options);
        this.exitCode = exit.exitCode;
        this.logTail = exit.logTail;
    }
}
/** The emulator did not report an activated licence and `Ready.` within `wait-timeout`. */
class ActivationTimeoutError extends GuardError {
    code = 'activation-timeout';
    name = 'ActivationTimeoutError';
    logTail;
    constructor(message, logTail, options = {}) {
        super(message, options);
        this.logTail = logTail;
    }
}
/**
 * The emulator printed `Ready.` but its gateway does not answer from the runner: the container's port is not reachable
 * from here (no default bridge network, a port published elsewhere). Waiting out `wait-timeout` would not help.
 */
class GatewayUnreachableError extends GuardError {
    code = 'gateway-unreachable';
    name = 'GatewayUnreachableError';
    logTail;
    constructor(message, logTail) {
        super(message);
        this.logTail = logTail;
    }
}
/** An upstream API (the Docker Engine, the emulator) answered with an unexpected status. The URL is already redacted. */
class UpstreamError extends GuardError {
    code = 'upstream-error';
    name = 'UpstreamError';
    status;
    url;
    isRetryable;
    constructor(message, details, options = {}) {
        super(message, options);
        this.status = details.status;
        this.url = details.url;
        this.isRetryable = details.isRetryable;
    }
}
/** Reads the container log tail any emulator error carries, so a front end can print it once. */
function logTailOf(error) {
    if (error instanceof ActivationFailedError || error instanceof EmulatorExitedError || error instanceof ActivationTimeoutError || error instanceof GatewayUnreachableError) {
        return error.logTail;
    }
    return undefined;
}
// ---- The leak lifecycle.
/** An incident was asked to move where its lifecycle does not go (for example, a dismissed incident to rotated). */
class IllegalTransitionError extends GuardError {
    code = 'illegal-transition';
    name = 'IllegalTransitionError';
    from;
    event;
    constructor(details) {
        const allowed = details.allowed.length === 0 ? 'none: the incident is finished' : details.allowed.join(', ');
        super(`Incident ${details.fingerprint} cannot take "${details.event}": it is ${details.from}, where the events that apply are ${allowed}. Check the incident's state before acting on it.`);
        this.from = details.from;
        this.event = details.event;
    }
}
// ---- Hostile input: what a push may cost the bot.
/** Scanning one file (or filtering a push's paths) ran past its time budget and was stopped. */
class ScanBudgetError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'scan-budget-exceeded';
    name = 'ScanBudgetError';
    /** `what` is already redacted (it names a path from the push). */
    static forWork(what, budgetMs) {
        return new ScanBudgetError(`Scanning ${what} stopped: it ran past its budget of ${budgetMs} ms and its thread was ended. Split the file or push, or tell the bot's operator; "Re-run" on the check run scans the commit again.`);
    }
}
/** A scanning thread failed on one file (it crashed, or ran out of its memory limit). */
class ScanFailedError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'scan-failed';
    name = 'ScanFailedError';
    static forWork(what, reason) {
        return new ScanFailedError(`Scanning ${what} failed: ${reason}. The other files were scanned; "Re-run" on the check run scans the commit again.`);
    }
}

;// CONCATENATED MODULE: ./build/src/emulator/parse-ports.js

/** The gateway port inside the container (docs/facts.md §2.7). */
const GATEWAY_PORT = 4566;
/** LocalStack Pro's HTTPS gateway, published by `localstack start` when GATEWAY_LISTEN is unset. */
const HTTPS_GATEWAY_PORT = 443;
/** External service ports (docs/facts.md §2.7: 4510-4559 in the docs, lstk and the Dockerfile). */
const SERVICE_PORTS_START = 4510;
const SERVICE_PORTS_END = 4559;
const DEFAULT_HOST_IP = '0.0.0.0';
/** The bindings `localstack start` publishes when the user names none. */
function defaultPortBindings(options) {
    const bindings = [binding(GATEWAY_PORT, GATEWAY_PORT)];
    if (!options.hasGatewayListen)
        bindings.push(binding(HTTPS_GATEWAY_PORT, HTTPS_GATEWAY_PORT));
    for (let port = SERVICE_PORTS_START; port <= SERVICE_PORTS_END; port++)
        bindings.push(binding(port, port));
    return bindings;
}
/**
 * Parses the `ports` input: comma- or space-separated entries `PORT`, `START-END` or `HOST:CONTAINER`
 * (`4566`, `4510-4559`, `14566:4566`). Each port is published on all host interfaces.
 */
function parsePorts(text) {
    const bindings = [];
    for (const entry of text.split(/[\s,]+/).filter((part) => part !== '')) {
        const range = /^(\d+)-(\d+)$/.exec(entry);
        const mapped = /^(\d+):(\d+)$/.exec(entry);
        if (range !== null) {
            const [start, end] = [toPort(range[1], entry), toPort(range[2], entry)];
            if (end < start)
                throw portError(entry);
            for (let port = start; port <= end; port++)
                bindings.push(binding(port, port));
        }
        else if (mapped !== null) {
            bindings.push(binding(toPort(mapped[1], entry), toPort(mapped[2], entry)));
        }
        else {
            const port = toPort(/^\d+$/.test(entry) ? entry : undefined, entry);
            bindings.push(binding(port, port));
        }
    }
    return bindings;
}
function binding(hostPort, containerPort) {
    return { hostPort, containerPort, hostIp: DEFAULT_HOST_IP };
}
function toPort(text, entry) {
    const port = Number(text);
    if (text === undefined || !Number.isInteger(port) || port < 1 || port > 65_535)
        throw portError(entry);
    return port;
}
function portError(entry) {
    return new InvalidInputError(`Input ports is invalid: "${entry}" is not a port (1-65535), a range START-END or a mapping HOST:CONTAINER. ` +
        'Write for example "4566, 4510-4559" or "14566:4566".');
}
/** The port from the first `GATEWAY_LISTEN` entry (`[host]:port`), or undefined when it names none. */
function gatewayListenPort(value) {
    const first = value?.split(',')[0]?.trim() ?? '';
    const match = /(?:^|:)(\d+)$/.exec(first);
    if (match === null)
        return undefined;
    const port = Number(match[1]);
    return port >= 1 && port <= 65_535 ? port : undefined;
}

;// CONCATENATED MODULE: ./build/src/emulator/container-spec.js


/** `MAIN_CONTAINER_NAME` in LocalStack's `config.py`, and the name `localstack start` uses. */
const DEFAULT_CONTAINER_NAME = 'localstack-main';
const CONTAINER_DOCKER_SOCKET = '/var/run/docker.sock';
const CONTAINER_VOLUME_DIR = '/var/lib/localstack';
/** Labels every container this Action starts, so a human can find leftovers with `docker ps --filter label=…`. */
const MANAGED_LABEL = 'dev.setup-localstack.managed';
/**
 * Variables the Action sets itself; `configuration` may not set them or their `LOCALSTACK_` aliases. A Map, not an
 * object literal: a key such as `toString` or `__proto__` must not find Object.prototype's members.
 */
const RESERVED_KEYS = new Map([
    ['LOCALSTACK_AUTH_TOKEN', 'pass the token with the auth-token input (from a secret), never in configuration'],
    ['LOCALSTACK_API_KEY', 'pass a CI Auth Token with the auth-token input (from a secret), never in configuration'],
    ['AUTH_TOKEN', 'pass the token with the auth-token input (from a secret), never in configuration'],
    ['API_KEY', 'pass the token with the auth-token input (from a secret), never in configuration'],
    ['MAIN_CONTAINER_NAME', 'use the container-name input'],
    ['DOCKER_HOST', 'the Action points it at the mounted Docker socket'],
    ['CI', "the Action forwards the runner's CI variable itself"],
]);
/** Keys `configuration` may set, but only under their plain name: the entrypoint strips `LOCALSTACK_`. */
const PLAIN_ONLY_KEYS = new Set(['GATEWAY_LISTEN', 'EXTERNAL_SERVICE_PORTS_START', 'EXTERNAL_SERVICE_PORTS_END']);
/** Host variables that describe the host, not the emulator, and so are never forwarded. */
const HOST_ONLY_KEYS = new Set(['LOCALSTACK_VOLUME_DIR', 'LOCALSTACK_HOSTNAME', 'LOCALSTACK_PORT', 'LOCALSTACK_IMAGE_NAME']);
/**
 * Builds the container the way `localstack start` does: name, ports (none on the host network),
 * Docker socket and `DOCKER_HOST`, volume, `LOCALSTACK_*` and `CI` forwarded, `configuration` pairs verbatim.
 * Throws `InvalidInputError` for a configuration key the Action owns.
 */
function buildContainerSpec(input) {
    for (const pair of input.configuration)
        assertConfigurable(pair.key);
    const configured = new Map(input.configuration.map((pair) => [pair.key, pair.value]));
    const gatewayListen = configured.get('GATEWAY_LISTEN');
    const isHostNetwork = input.network === 'host';
    // Prototype-free, so every variable name (`__proto__` and `constructor` included) is just a name.
    const env = Object.create(null);
    for (const [key, value] of [...forwardedHostEnv(input.hostLocalstackEnv), ...configured])
        env[key] = value;
    if (!isHostNetwork && gatewayListen === undefined)
        env.GATEWAY_LISTEN = `:${GATEWAY_PORT},:443`;
    env.MAIN_CONTAINER_NAME = input.name;
    if (input.dockerSocketPath !== undefined)
        env.DOCKER_HOST = `unix://${CONTAINER_DOCKER_SOCKET}`;
    if (input.ciValue !== undefined)
        env.CI = input.ciValue;
    env.LOCALSTACK_AUTH_TOKEN = input.token;
    const { portBindings, gatewayPort } = planPorts(input, gatewayListen);
    const binds = [`${input.volumeDir}:${CONTAINER_VOLUME_DIR}`];
    if (input.dockerSocketPath !== undefined)
        binds.push(`${input.dockerSocketPath}:${CONTAINER_DOCKER_SOCKET}`);
    const spec = {
        name: input.name,
        image: input.image,
        env,
        network: input.network,
        portBindings,
        binds,
        labels: { [MANAGED_LABEL]: 'true' },
    };
    return { spec, gatewayPort };
}
/** Bindings to publish (none on the host network) and the host port where the gateway answers. */
function planPorts(input, gatewayListen) {
    const containerGatewayPort = gatewayListenPort(gatewayListen) ?? GATEWAY_PORT;
    if (input.network === 'host')
        return { portBindings: [], gatewayPort: containerGatewayPort };
    const portBindings = input.ports ?? defaultPortBindings({ hasGatewayListen: gatewayListen !== undefined });
    const gatewayPort = portBindings.find((b) => b.containerPort === containerGatewayPort)?.hostPort ?? containerGatewayPort;
    return { portBindings, gatewayPort };
}
function assertConfigurable(key) {
    const plain = key.startsWith('LOCALSTACK_') ? key.slice('LOCALSTACK_'.length) : key;
    const reason = RESERVED_KEYS.get(key) ?? RESERVED_KEYS.get(plain);
    if (reason !== undefined) {
        throw new InvalidInputError(`Input configuration sets ${key}: the Action sets that variable itself. Remove it; ${reason}.`);
    }
    if (plain !== key && PLAIN_ONLY_KEYS.has(plain)) {
        throw new InvalidInputError(`Input configuration sets ${key}: the emulator reads it as ${plain}, and the Action derives ports from ${plain} only. Write ${plain}=… instead.`);
    }
}
function forwardedHostEnv(hostEnv) {
    const forwarded = [];
    for (const [key, value] of Object.entries(hostEnv)) {
        if (!key.startsWith('LOCALSTACK_') || HOST_ONLY_KEYS.has(key))
            continue;
        const plain = key.slice('LOCALSTACK_'.length);
        if (RESERVED_KEYS.has(key) || RESERVED_KEYS.has(plain) || PLAIN_ONLY_KEYS.has(plain))
            continue;
        forwarded.push([key, value]);
    }
    return forwarded;
}

;// CONCATENATED MODULE: ./build/src/emulator/licence-failure-reason.js
/**
 * Finds the reason of a LocalStack licence failure (exit code 55) in the container's output. Three layouts exist:
 *
 * - 2026.03+ images: `Localstack returning with exit code 55. Reason:` ends empty, because `str(e)` of the exception
 *   is a whole multi-line banner; the reason sits below `The license activation failed for the following reason:`
 *   and a blank line, and runs until the next blank line (seen in CI logs pasted to microcks/microcks#2008,
 *   chaos-mesh/chaos-mesh#4873 and apache/pekko-connectors#1517).
 * - Older images: the `License activation failed! 🔑❌` banner with `Reason: <reason>` on one line.
 * - The wrapper's one-line form, `Localstack returning with exit code 55. Reason: <reason>`, for exceptions whose
 *   message is one line.
 *
 * Lines may arrive with Docker's 8-byte stream header left in, an RFC 3339 timestamp (`docker logs -t`, the runner's
 * own log) or a Compose `service  | ` prefix; those are removed before matching.
 */
function licenceFailureReason(lines) {
    const clean = lines.map(stripLinePrefixes);
    return multiLineReason(clean) ?? wrapperReason(clean) ?? bannerReason(clean);
}
const WRAPPER = /Localstack returning with exit code 55\. Reason:[ \t]*(.*)$/i;
const MULTI_LINE_HEADER = /The license activation failed for the following reason:\s*$/i;
const BANNER = /License activation failed!/i;
/** Where the 2026.03+ reason paragraph ends, should the blank line after it be missing. */
const PARAGRAPH_END = /^(?:={5,}|==>|LocalStack requires an account to run\.)/;
function multiLineReason(lines) {
    const header = lines.findLastIndex((line) => MULTI_LINE_HEADER.test(line));
    if (header < 0)
        return undefined;
    let index = header + 1;
    while (index < lines.length && (lines[index] ?? '').trim() === '')
        index++;
    const paragraph = [];
    for (; index < lines.length; index++) {
        const line = (lines[index] ?? '').trim();
        if (line === '' || PARAGRAPH_END.test(line))
            break;
        paragraph.push(line);
    }
    return paragraph.length === 0 ? undefined : paragraph.join(' ');
}
function wrapperReason(lines) {
    for (const line of lines) {
        const reason = WRAPPER.exec(line)?.[1]?.trim() ?? '';
        // An empty or banner-only remainder is the 2026.03+ layout whose reason follows below; it is not a reason.
        if (reason !== '' && !/^=+$/.test(reason) && !BANNER.test(reason))
            return reason;
    }
    return undefined;
}
function bannerReason(lines) {
    const banner = lines.findIndex((line) => BANNER.test(line));
    if (banner < 0)
        return undefined;
    for (const line of lines.slice(banner + 1)) {
        const reason = /^\s*Reason:\s*(.+)$/.exec(line)?.[1]?.trim();
        if (reason !== undefined && reason !== '')
            return reason;
    }
    return undefined;
}
/** Docker frame header bytes, then an RFC 3339 timestamp, then a Compose `name  | ` prefix, each optional. */
function stripLinePrefixes(line) {
    // Control characters are the point here: they are what a frame header left in a line looks like.
    // eslint-disable-next-line no-control-regex
    let text = line.replace(/^[\x00-\x02]\x00\x00\x00[\s\S]{4}/, '').replace(/^[\x00-\x08\x0e-\x1f]+/, '');
    text = text.replace(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\s?/, '');
    text = text.replace(/^[\w.-]+\s+\|\s?/, '');
    return text.replace(/\r$/, '');
}

;// CONCATENATED MODULE: ./build/src/emulator/diagnose-exit.js



/** LocalStack's exit code for a licence failure (`LocalstackExit` in `runtime/main.py`). */
const LICENCE_EXIT_CODE = 55;
/** Where the cached licence lives, for the fixes that remove it. */
const CACHED_LICENCE = 'the cached license.json in the LocalStack volume directory (LOCALSTACK_VOLUME_DIR; a fresh directory under RUNNER_TEMP by default)';
/**
 * What to do for each documented licence failure reason, matched on how the reason begins (the exceptions of
 * LocalStack's licensing client: CredentialsMissingError, CredentialsInvalidError, AuthTokenFormatError,
 * LicensingServerUnavailableError, LicenseExpiredError, LicenseStatusError, LicenseStaleError,
 * LocalstackVersionMismatchError, LicenseSignatureMismatchError).
 */
const REASON_FIXES = [
    [
        /^No credentials were found/i,
        (context) => context.isForkPullRequest
            ? 'This run is a pull request from a fork, and GitHub passes no secrets to those: skip the LocalStack job for forks (if: github.event.pull_request.head.repo.fork == false) and run it on push after review'
            : 'Pass a CI Auth Token with auth-token: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}, and check that the secret exists in this repository or environment',
    ],
    [/not both/i, () => 'Set only LOCALSTACK_AUTH_TOKEN; remove LOCALSTACK_API_KEY from the workflow'],
    [/invalid format/i, () => 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret: it is mistyped or truncated'],
    [
        /^The credentials defined in your environment are invalid/i,
        () => 'Copy the CI Auth Token again from the LocalStack web app into the LOCALSTACK_AUTH_TOKEN secret, and check that it is a CI Auth Token (lsci-…) that has not been reset',
    ],
    [/^Could not reach the LocalStack licensing server/i, () => 'Let the runner reach https://api.localstack.cloud (proxy, firewall, DNS), then re-run the job'],
    [
        /^The license has expired|^Expected license to be ACTIVE/i,
        () => 'Check the licence assigned to the token in the LocalStack web app (Workspace → Licenses): it must be active, and a CI Auth Token also needs CI credits left',
    ],
    [/^Offline activation failed/i, () => `The offline licence is too old to use: let the runner reach https://api.localstack.cloud so it is renewed, or remove ${CACHED_LICENCE}`],
    [/different LocalStack version/i, () => `Remove ${CACHED_LICENCE}, or pin image-tag to the version the licence was made for`],
    [/^Calculated signature/i, () => `The cached licence was altered or corrupted: remove ${CACHED_LICENCE} and re-run the job`],
];
const DEFAULT_FIX = 'Check the token and its licence in the LocalStack web app (https://app.localstack.cloud)';
/** How many characters of a log line an error message quotes. */
const MAX_QUOTED_CHARS = 300;
/**
 * Turns a container's exit before readiness into one named error with one actionable message (docs/style.md §4).
 * `logTail` is the container's last output lines, oldest first; it is carried on the error, not quoted whole.
 */
function diagnoseExit(exitCode, logTail, context = { isForkPullRequest: false }) {
    if (exitCode === LICENCE_EXIT_CODE) {
        const reason = licenceFailureReason(logTail);
        const fix = REASON_FIXES.find(([pattern]) => reason !== undefined && pattern.test(reason))?.[1](context) ?? DEFAULT_FIX;
        const quoted = reason === undefined ? 'it printed no reason' : `"${clip(reason)}"`;
        return new ActivationFailedError(`LocalStack licence activation failed: the container exited with code 55 (${quoted}). ${fix}.`, { exitCode, logTail, reason });
    }
    if (logTail.some((line) => /address already in use/i.test(line))) {
        return new PortInUseError(`LocalStack could not start: its gateway port is already in use on the host (the container exited with code ${exitCode}). ` +
            'Stop whatever listens there (another LocalStack?), or choose another port with configuration GATEWAY_LISTEN=:4567.');
    }
    const last = lastMeaningfulLine(logTail);
    return new EmulatorExitedError(`LocalStack stopped before it was ready: the container exited with code ${exitCode}${describeExitCode(exitCode)}` +
        `${last === undefined ? '' : ` (last line: "${clip(last)}")`}. Read the container log tail above; re-run with configuration DEBUG=1 for more detail.`, { exitCode, logTail });
}
function describeExitCode(exitCode) {
    if (exitCode === 137)
        return ', killed (out of memory, or stopped from outside)';
    if (exitCode === 0)
        return ', a normal shutdown before readiness';
    return '';
}
function lastMeaningfulLine(logTail) {
    return [...logTail].reverse().find((line) => line.trim() !== '')?.trim();
}
function clip(text) {
    return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

;// CONCATENATED MODULE: ./build/src/emulator/localstack-info.js
/** `GET /_localstack/info`: all nine fields are required, with these types (LocalStack's `openapi.yaml`). */
const FIELD_TYPES = {
    version: 'string',
    edition: 'string',
    is_license_activated: 'boolean',
    session_id: 'string',
    machine_id: 'string',
    system: 'string',
    is_docker: 'boolean',
    server_time_utc: 'string',
    uptime: 'number',
};
/**
 * Reads a `/_localstack/info` body; undefined when it is not the documented shape (an older or foreign server).
 * Checked by hand rather than with a schema library: this runs in the Action, where start-up time counts.
 */
function parseLocalStackInfo(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const info = body;
    for (const [field, type] of Object.entries(FIELD_TYPES))
        if (!Object.hasOwn(info, field) || typeof info[field] !== type)
            return undefined;
    return {
        version: info.version,
        edition: info.edition,
        isLicenseActivated: info.is_license_activated,
        sessionId: info.session_id,
    };
}

;// CONCATENATED MODULE: ./build/src/emulator/wait-for-activation.js



/** `constants.READY_MARKER_OUTPUT`: printed on its own line once the gateway is up. */
const READY_MARKER = 'Ready.';
/** How many log lines an error carries for the front end to show. */
const LOG_TAIL_LINES = 60;
/** How far back the ready marker is looked for: far more than LocalStack prints before it. */
const READY_SCAN_LINES = 5_000;
/**
 * LocalStack prints `Ready.` once its gateway listens. A gateway that still refuses the runner this long after is not
 * coming up late: the runner cannot reach the container's port, and waiting out `wait-timeout` would not change that.
 */
const UNREACHABLE_AFTER_READY_MS = 5_000;
/**
 * Waits until LocalStack is ready, racing three signals and ending on the first that decides:
 * the container exits (→ `diagnoseExit`: exit 55 is a licence failure); `/_localstack/info` reports
 * `is_license_activated: true` and the container printed `Ready.` (→ resolves); the timeout (→
 * `ActivationTimeoutError` with the last status seen).
 *
 * The container's log is followed as it is printed, and `/_localstack/info` is read the moment an activation line or
 * `Ready.` appears, so readiness is seen when it happens rather than at the next tick of a poll. A poll with a capped
 * interval runs beside it, for the cases the log cannot decide (a logging driver that cannot be read back).
 */
async function waitForActivation(options, deps) {
    const done = new AbortController();
    const signal = AbortSignal.any([deps.signal, done.signal]);
    const watcher = new LogWatcher();
    const following = deps.runtime
        .followLogs(options.containerId, { signal, onLine: (line) => watcher.onLine(line) })
        .then(() => watcher.stop(true), (error) => {
        if (!signal.aborted)
            deps.log.debug('activation.log-follow-failed', { reason: error instanceof Error ? error.message : String(error) });
        watcher.stop(false);
    });
    try {
        return await Promise.race([pollUntilReady(options, watcher, { ...deps, signal }), rejectOnExit(options, { ...deps, signal })]);
    }
    finally {
        // Not awaited: the abort ends the followed stream, and its settlement is already handled above.
        done.abort();
        void following;
    }
}
/** Activation lines (`Successfully activated license`, `…cached license`, `…requested and activated new license`). */
const ACTIVATION_LINE = /Successfully (?:requested and )?activated (?:cached |new )?license/;
/** What the followed log has shown so far, and a wake-up for the poll when a line that matters arrives. */
class LogWatcher {
    hasPrintedReady = false;
    /** True while the log is followed; false once following failed, so `Ready.` must be looked for in the log tail. */
    isFollowing = true;
    wake;
    /** A line that matters arrived while nobody slept (a request was in flight): the next sleep ends at once. */
    isWakePending = false;
    onLine(line) {
        const text = line.trim();
        if (text === READY_MARKER)
            this.hasPrintedReady = true;
        else if (!ACTIVATION_LINE.test(text))
            return;
        this.notify();
    }
    /** The followed output ended: the container stopped (`ended`) or following failed. */
    stop(ended) {
        if (!ended)
            this.isFollowing = false;
        this.notify();
    }
    notify() {
        if (this.wake === undefined)
            this.isWakePending = true;
        else
            this.wake();
    }
    /** Resolves after `ms`, or earlier when an activation line or `Ready.` arrives. */
    async sleepUnlessWoken(ms, clock, signal) {
        if (this.isWakePending) {
            this.isWakePending = false;
            return;
        }
        const woken = new AbortController();
        this.wake = () => woken.abort();
        try {
            await clock.sleep(ms, AbortSignal.any([signal, woken.signal]));
        }
        catch (error) {
            signal.throwIfAborted();
            if (!woken.signal.aborted)
                throw error;
        }
        finally {
            this.wake = undefined;
        }
    }
}
async function rejectOnExit(options, deps) {
    const { exitCode } = await deps.runtime.waitForExit(options.containerId, deps.signal);
    const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES);
    deps.log.info('emulator.exited', { exitCode });
    throw diagnoseExit(exitCode, logTail, { isForkPullRequest: options.isForkPullRequest ?? false });
}
async function pollUntilReady(options, watcher, deps) {
    const { clock, signal } = deps;
    const startedAt = clock.now();
    const maxPollMs = options.maxPollMs ?? 500;
    let intervalMs = options.firstPollMs ?? 100;
    let lastStatus = `${options.infoUrl} has not answered yet`;
    let activatedInfo;
    /** When the followed log first showed `Ready.` while the gateway did not answer. */
    let readySinceMs;
    for (;;) {
        signal.throwIfAborted();
        const remainingMs = options.timeoutMs - (clock.now() - startedAt);
        if (remainingMs <= 0)
            throw await timeoutError(options, lastStatus, deps);
        // Once the licence is active only `Ready.` is missing, and the followed log says when it comes.
        const observed = activatedInfo !== undefined && watcher.isFollowing ? { info: activatedInfo, status: lastStatus } : await observe(options, Math.ceil(Math.min(remainingMs, options.requestTimeoutMs ?? 2_000)), deps);
        if (observed.unanswered !== undefined && watcher.hasPrintedReady) {
            readySinceMs ??= clock.now();
            if (clock.now() - readySinceMs >= UNREACHABLE_AFTER_READY_MS)
                throw await unreachableError(options, observed.unanswered, deps);
        }
        if (observed.info?.isLicenseActivated === true) {
            activatedInfo = observed.info;
            const isReady = watcher.isFollowing ? watcher.hasPrintedReady : watcher.hasPrintedReady || (await hasPrintedReady(options.containerId, deps.runtime));
            if (isReady)
                return { info: observed.info, waitedMs: clock.now() - startedAt };
            lastStatus = `/_localstack/info reports is_license_activated=true, but the container has not printed "${READY_MARKER}"`;
        }
        else {
            lastStatus = observed.status;
        }
        deps.log.debug('activation.polled', { status: lastStatus });
        await watcher.sleepUnlessWoken(Math.ceil(Math.min(intervalMs, Math.max(remainingMs, 1))), clock, signal);
        intervalMs = Math.min(maxPollMs, Math.round(intervalMs * 1.5));
    }
}
async function observe(options, timeoutMs, deps) {
    try {
        const response = await deps.http.getJson(options.infoUrl, { signal: deps.signal, timeoutMs });
        if (response.status !== 200)
            return { info: undefined, status: `${options.infoUrl} answered HTTP ${response.status}` };
        const info = parseLocalStackInfo(response.body);
        if (info === undefined)
            return { info, status: `${options.infoUrl} answered without the documented fields` };
        return { info, status: `/_localstack/info still reports is_license_activated=${String(info.isLicenseActivated)}` };
    }
    catch (error) {
        deps.signal.throwIfAborted();
        const reason = error instanceof Error ? error.message : String(error);
        return { info: undefined, status: `${options.infoUrl} did not answer (${reason})`, unanswered: reason };
    }
}
async function hasPrintedReady(containerId, runtime) {
    const lines = await runtime.logTail(containerId, READY_SCAN_LINES);
    return lines.some((line) => line.trim() === READY_MARKER);
}
async function unreachableError(options, reason, deps) {
    const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES).catch(() => []);
    return new GatewayUnreachableError(`LocalStack printed "${READY_MARKER}" ${UNREACHABLE_AFTER_READY_MS / 1000} s ago, but ${options.infoUrl} still does not answer the runner (${reason}): ` +
        "the container's gateway port is not reachable from the runner. On a Docker engine without its default bridge network (dockerd --bridge=none, some self-hosted runners), set network: host; otherwise check ports and GATEWAY_LISTEN in configuration.", logTail);
}
async function timeoutError(options, lastStatus, deps) {
    const logTail = await deps.runtime.logTail(options.containerId, LOG_TAIL_LINES).catch(() => []);
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    return new ActivationTimeoutError(`LocalStack was not ready after ${seconds} s: ${lastStatus}. Check the container log tail above, or raise wait-timeout.`, logTail);
}

;// CONCATENATED MODULE: ./build/src/emulator/start-emulator.js


const PULL_WHEN_MISSING = { policy: 'missing', isDefault: true, decidedBy: 'the default' };
/**
 * Pulls (as the pull policy says), starts and waits for LocalStack. The pull is timed apart from the start, so the wait
 * measures startup only (setup-localstack#64: the incumbent pulled inside its 30 s wait and timed out on cold pulls).
 * Unless the policy is `always`, the start is tried first and the image pulled only when Docker says it is missing:
 * one Engine API round trip fewer than asking first.
 */
async function startEmulator(options, deps) {
    const { clock, log, signal } = deps;
    const { spec, gatewayPort } = options.planned;
    const endpointUrl = `http://127.0.0.1:${gatewayPort}`;
    await assertPortFree(gatewayPort, deps.portProbe);
    const pull = options.pull ?? PULL_WHEN_MISSING;
    const pulled = await refreshIfAlways(pull, spec.image, deps);
    let startedAt = clock.now();
    let id;
    let pullMs = pulled.pullMs;
    try {
        ;
        ({ id } = await deps.runtime.start(spec, signal));
        if (pulled.pullMs === 0 && pulled.refreshError === undefined)
            log.info('image.present', { image: spec.image });
    }
    catch (error) {
        if (!(error instanceof ImageMissingError))
            throw error;
        if (pulled.refreshError !== undefined)
            throw pulled.refreshError;
        if (pull.policy === 'never') {
            throw new ImageMissingError(`The LocalStack image is missing: ${spec.image} is not on this runner, and ${pull.decidedBy} forbids pulling it. ` +
                `Pull or load it in an earlier step (docker pull ${spec.image}, or docker load), or remove skip-pull.`);
        }
        pullMs = await timedPull(spec.image, deps);
        startedAt = clock.now();
        ({ id } = await deps.runtime.start(spec, signal));
    }
    deps.onContainerStarted?.(id);
    const isImagePulled = pullMs > 0;
    log.info('emulator.started', { containerId: id.slice(0, 12), name: spec.name, endpointUrl, startMs: Math.round(clock.now() - startedAt) });
    if (options.shouldSkipWait) {
        return { containerId: id, endpointUrl, isImagePulled, pullMs, startupMs: clock.now() - startedAt, info: undefined };
    }
    const { info } = await waitForActivation({ containerId: id, infoUrl: `${endpointUrl}/_localstack/info`, timeoutMs: options.waitTimeoutMs, isForkPullRequest: options.isForkPullRequest ?? false }, { runtime: deps.runtime, http: deps.http, clock, log, signal });
    const startupMs = clock.now() - startedAt;
    log.info('activation.succeeded', { version: info.version, edition: info.edition, startupMs: Math.round(startupMs) });
    return { containerId: id, endpointUrl, isImagePulled, pullMs, startupMs, info };
}
/** With `always`, pulls before the start. A failed refresh chosen by default falls back to a present image. */
async function refreshIfAlways(plan, image, deps) {
    if (plan.policy !== 'always')
        return { pullMs: 0, refreshError: undefined };
    try {
        return { pullMs: await timedPull(image, deps), refreshError: undefined };
    }
    catch (error) {
        if (!plan.isDefault || !(error instanceof ImagePullError))
            throw error;
        deps.log.warn('image.refresh-failed', { image, decidedBy: plan.decidedBy, reason: error.message, then: 'using the image already on the runner, if there is one' });
        return { pullMs: 0, refreshError: error };
    }
}
async function timedPull(image, deps) {
    const pullStartedAt = deps.clock.now();
    await deps.runtime.pullImage(image, {
        signal: deps.signal,
        onProgress: (progress) => deps.log.info('image.pull', { image, layer: progress.layer, status: progress.status }),
    });
    const pullMs = Math.max(1, deps.clock.now() - pullStartedAt);
    deps.log.info('image.pulled', { image, pullMs: Math.round(pullMs) });
    return pullMs;
}
async function assertPortFree(port, probe) {
    if (probe === undefined || (await probe.isPortFree(port)))
        return;
    throw new PortInUseError(`LocalStack could not start: port ${port} on the host is already in use. ` +
        'Stop whatever listens there (another LocalStack? see docker ps), or move the gateway: configuration GATEWAY_LISTEN=:4567 with network: host, or ports: 14566:4566 otherwise.');
}

;// CONCATENATED MODULE: ./build/src/tokens/checksum.js

/** The checksum LocalStack expects for a payload: the first four characters of the lower-case hex md5. */
function computeChecksum(payload) {
    return (0,external_node_crypto_namespaceObject.createHash)('md5').update(payload).digest('hex').slice(0, 4);
}
/** True when the body's last four characters are the checksum of its first 32 (case-sensitive, as LocalStack). */
function hasValidChecksum(body) {
    if (body.length !== 36)
        return false;
    return computeChecksum(body.slice(0, 32)) === body.slice(32);
}

;// CONCATENATED MODULE: ./build/src/tokens/token-grammar.js
/**
 * The LocalStack Auth Token grammar (docs/facts.md §1.1, `licensingv2.py` class `AuthToken`).
 *
 * `ls[a-zA-Z]*-` prefix, then a 36-character body shaped 8-4-4-4-12 whose first four characters are letters; the
 * last four body characters are the checksum.
 */
/** Body length after the prefix: 32 characters of payload plus 4 of checksum. */
const TOKEN_BODY_LENGTH = 36;
/** LocalStack's own minimum: the body plus the shortest prefix `ls-`. */
const MIN_TOKEN_LENGTH = TOKEN_BODY_LENGTH + 3;
/**
 * The longest prefix we accept, letters after `ls` included. The grammar allows any number; known prefixes are
 * `ls-` and `lsci-`. Bounding it keeps the scanning pattern linear on inputs such as `lslslsls…` (an unbounded
 * `[a-zA-Z]*` restarts at every `ls` and rescans the whole run of letters).
 */
const MAX_PREFIX_LETTERS = 16;
const BODY_SOURCE = '[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}';
/** Exactly one token, nothing around it (LocalStack's own anchored regex, prefix bounded as above). */
const ANCHORED_TOKEN_PATTERN = new RegExp(`^ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-${BODY_SOURCE}$`);
/**
 * The source of the scanning pattern. It ends in `[0-9a-f]{4}` because a real checksum is lower-case hex, and refuses
 * a following alphanumeric so a longer identifier is not cut into a token.
 */
const SCANNING_TOKEN_SOURCE = `ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-` +
    `[a-zA-Z0-9]{8}[0-9a-f]{4}(?![a-zA-Z0-9])`;
/** The longest text the scanning pattern can match, plus the one character its look-ahead reads. */
const MAX_TOKEN_LENGTH = 2 + MAX_PREFIX_LETTERS + 1 + TOKEN_BODY_LENGTH + 1;
/** A fresh global scanning regex (global regexes carry `lastIndex`, so each scan gets its own). */
function createTokenScanPattern() {
    return new RegExp(SCANNING_TOKEN_SOURCE, 'g');
}

;// CONCATENATED MODULE: ./build/src/tokens/parse-token.js

/** Splits a string that matches the Auth Token grammar; `undefined` when it does not. */
function parseToken(candidate) {
    if (!ANCHORED_TOKEN_PATTERN.test(candidate))
        return undefined;
    const dash = candidate.indexOf('-');
    const prefix = candidate.slice(0, dash + 1);
    const body = candidate.slice(dash + 1);
    return { prefix, body, payload: body.slice(0, -4), checksum: body.slice(-4) };
}

;// CONCATENATED MODULE: ./build/src/tokens/classify-token.js


const KIND_BY_PREFIX = { 'ls-': 'developer-token', 'lsci-': 'ci-token' };
/** Looks like an attempt at an Auth Token: an `ls<letters>-` prefix. */
const AUTH_TOKEN_PREFIX = /^ls[a-zA-Z]*-/;
/**
 * Classifies a credential offline, from its grammar and checksum alone (docs/facts.md §1.1, §1.2).
 * Surrounding whitespace and quotes are ignored, as LocalStack strips them too (docs/facts.md §2.1).
 */
function classifyToken(raw) {
    const value = normalizeCredential(raw);
    const parsed = parseToken(value);
    if (parsed !== undefined) {
        if (!hasValidChecksum(parsed.body))
            return { kind: 'malformed', isValid: false };
        return { kind: KIND_BY_PREFIX[parsed.prefix] ?? 'auth-token', isValid: true };
    }
    if (AUTH_TOKEN_PREFIX.test(value))
        return { kind: 'malformed', isValid: false };
    return { kind: 'legacy-key', isValid: value.length > 0 };
}
/** Strips surrounding whitespace and one pair of matching quotes, as LocalStack's licensing client does. */
function normalizeCredential(raw) {
    const trimmed = raw.trim();
    const quoted = /^(["'])(.*)\1$/s.exec(trimmed);
    return (quoted?.[2] ?? trimmed).trim();
}

;// CONCATENATED MODULE: ./build/src/tokens/fingerprint.js

/**
 * A token's identity: `sha256:` + the hex SHA-256 of the whole token (docs/facts.md §4, "our conventions").
 * Incidents are keyed by it and configs allow-list by it; the token cannot be recovered from it.
 */
function fingerprintToken(token) {
    return `sha256:${createHash('sha256').update(token).digest('hex')}`;
}

;// CONCATENATED MODULE: ./build/src/tokens/redact-token.js
/** How many characters of the body a redacted token keeps: stricter than LocalStack's own mask, which keeps 8. */
const REDACTED_BODY_CHARS = 4;
const MASKED_TAIL = '****-****-****-****-************';
/**
 * The only form in which a token may be shown: the prefix and the first four body characters, then a mask that keeps
 * the grammar's shape. Never shows the checksum. A value with no `ls…-` prefix (a legacy key) keeps nothing but its
 * length, as LocalStack's own logs do.
 */
function redact_token_redactToken(token) {
    const match = /^ls[a-zA-Z]*-/.exec(token);
    if (match === null)
        return `****(${token.length})`;
    const prefix = match[0];
    return `${prefix}${token.slice(prefix.length, prefix.length + REDACTED_BODY_CHARS)}${MASKED_TAIL}`;
}

;// CONCATENATED MODULE: ./build/src/tokens/redact-token-shapes.js


/**
 * Anything shaped like a token, checksum or not: text from a push (a path, a ref, a commit message, an error that
 * quotes one) is redacted before it is printed or stored, and a near-miss is redacted too rather than trusted.
 */
const TOKEN_SHAPE = new RegExp(`ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-[a-zA-Z0-9]{8}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}`, 'g');
/** `text` with every token shape replaced by its redaction (`redactToken`); text without one is returned as is. */
function redactTokenShapes(text) {
    if (!text.includes('-'))
        return text;
    return text.replace(TOKEN_SHAPE, (token) => redactToken(token));
}

;// CONCATENATED MODULE: ./build/src/tokens/index.js








;// CONCATENATED MODULE: ./build/src/policy/token-policy.js


const WEB_APP = 'the Auth Tokens page of the LocalStack web app (https://app.localstack.cloud)';
/**
 * Decides offline, from the token model alone, whether the Action may start the emulator with this credential
 * (the token table of README "Token kinds"). Throws a named `GuardError` whose message never contains the token.
 */
function decideToken(sources, context) {
    const { token, source, warnings } = resolveCredential(sources, context);
    const { kind } = classifyToken(token);
    const subject = source === 'auth-token input' ? 'The auth-token input' : source;
    if (kind === 'malformed') {
        throw new InvalidTokenError(`${subject} holds a malformed LocalStack token (${prefixOf(token)}…): it does not match the Auth Token format or its checksum, so it is mistyped or truncated. ` +
            `Copy the token again from ${WEB_APP} into the secret.`);
    }
    if (kind === 'legacy-key') {
        throw new LegacyKeyError(`${subject} holds a legacy API key: legacy API and CI keys stopped activating after their phase-out in early 2025. ` +
            `Create a CI Auth Token on ${WEB_APP}, store it in a LOCALSTACK_AUTH_TOKEN secret, pass it with auth-token: \${{ secrets.LOCALSTACK_AUTH_TOKEN }}, and delete the LOCALSTACK_API_KEY secret.`);
    }
    if (kind === 'developer-token' && context.isCi) {
        if (!context.allowDeveloperToken) {
            throw new DeveloperTokenInCiError(`${subject} holds a developer token (ls-…): developer tokens cannot be used in CI. ` +
                `Store a CI Auth Token (lsci-…, created on ${WEB_APP}) in the secret instead, or set allow-developer-token: true.`);
        }
        warnings.push('Using a developer token (ls-…) in CI because allow-developer-token is true: LocalStack may refuse it. Use a CI Auth Token (lsci-…) in shared workflows.');
    }
    if (kind === 'auth-token')
        warnings.push(`${subject} holds an Auth Token with a prefix of unknown kind (${prefixOf(token)}…); continuing.`);
    if (source === 'LOCALSTACK_API_KEY') {
        warnings.push('LOCALSTACK_API_KEY holds an Auth Token: it works, but the name is the legacy one. Rename the secret and the variable to LOCALSTACK_AUTH_TOKEN.');
    }
    return { token, kind, source, warnings };
}
function resolveCredential(sources, context) {
    const input = nonEmpty(sources.input);
    const authToken = nonEmpty(sources.authTokenEnv);
    const apiKey = nonEmpty(sources.apiKeyEnv);
    const warnings = [];
    if (input !== undefined) {
        if (apiKey !== undefined)
            warnings.push('LOCALSTACK_API_KEY is set but ignored: the auth-token input wins. Delete the LOCALSTACK_API_KEY variable.');
        return { token: input, source: 'auth-token input', warnings };
    }
    if (authToken !== undefined && apiKey !== undefined) {
        throw new ConflictingCredentialsError('Both LOCALSTACK_AUTH_TOKEN and LOCALSTACK_API_KEY are set: the emulator refuses to start with both ("please specify either LOCALSTACK_API_KEY or LOCALSTACK_AUTH_TOKEN, not both"). ' +
            'Remove LOCALSTACK_API_KEY from the workflow, or pass the token with the auth-token input.');
    }
    if (authToken !== undefined)
        return { token: authToken, source: 'LOCALSTACK_AUTH_TOKEN', warnings };
    if (apiKey !== undefined)
        return { token: apiKey, source: 'LOCALSTACK_API_KEY', warnings };
    throw missingTokenError(context);
}
function missingTokenError(context) {
    if (context.isForkPullRequest) {
        return new MissingTokenError('No LocalStack token: this run comes from a fork, and GitHub does not pass secrets to fork workflows. ' +
            'Run the LocalStack job after review (for example on push), or skip it for forks.');
    }
    return new MissingTokenError('No LocalStack token: the auth-token input is empty and neither LOCALSTACK_AUTH_TOKEN nor LOCALSTACK_API_KEY is set. ' +
        `Create a CI Auth Token on ${WEB_APP}, store it as a repository secret named LOCALSTACK_AUTH_TOKEN, and pass it with auth-token: \${{ secrets.LOCALSTACK_AUTH_TOKEN }}.`);
}
function nonEmpty(raw) {
    if (raw === undefined)
        return undefined;
    const value = normalizeCredential(raw);
    return value === '' ? undefined : value;
}
/** Only the `ls…-` prefix: enough to say which kind was meant, nothing of the secret part. */
function prefixOf(token) {
    return /^ls[a-zA-Z]{0,16}-/.exec(token)?.[0] ?? '';
}

;// CONCATENATED MODULE: ./build/action/core-logger.js

/**
 * The core's domain events as workflow log lines: `event key=value …`. Fields are formatted, never dumped, and never
 * hold a token (the core never puts one there; the runner's mask is the second line of defence).
 */
const coreLogger = {
    debug: (event, fields) => debug(format(event, fields)),
    info: (event, fields) => info(format(event, fields)),
    warn: (event, fields) => workflow_commands_warning(format(event, fields)),
    error: (event, fields) => error(format(event, fields)),
};
function format(event, fields) {
    const parts = Object.entries(fields ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`);
    return [event, ...parts].join(' ');
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./build/action/docker/docker-api.js


const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * A minimal Docker Engine API client over node:http (loaded with Node itself, so nothing adds to the Action's
 * start-up): one request, one buffered or streamed answer, over kept-alive connections. Paths are unversioned so the
 * daemon answers in its own current API version (Docker 29 refuses versions below 1.44; 20.10 knows none above 1.41).
 */
class DockerApi {
    endpoint;
    agent = new external_node_http_namespaceObject.Agent({ keepAlive: true });
    origin;
    constructor(endpoint) {
        this.endpoint = endpoint;
        this.origin = new URL(endpoint.kind === 'unix' ? 'http://docker' : endpoint.origin);
    }
    async send(req) {
        const response = await this.open(req);
        return { status: response.statusCode, body: await readBody(response.body) };
    }
    /** Sends and hands back the streaming body; the caller must consume it. */
    open(req) {
        const url = new URL(req.path, this.origin);
        for (const [key, value] of Object.entries(req.query ?? {}))
            url.searchParams.set(key, value);
        const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
        const target = this.endpoint.kind === 'unix' ? { socketPath: this.endpoint.socketPath } : { host: this.origin.hostname, port: this.origin.port };
        return new Promise((resolve, reject) => {
            const outgoing = (0,external_node_http_namespaceObject.request)({
                ...target,
                agent: this.agent,
                method: req.method,
                path: url.pathname + url.search,
                headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
                ...(req.signal === undefined ? {} : { signal: req.signal }),
            }, (response) => {
                // The bound covers silence in the body too, except for long polls (timeoutMs 0).
                if (timeoutMs > 0)
                    response.setTimeout(timeoutMs, () => response.destroy(new Error(`no data for ${timeoutMs} ms`)));
                resolve({ statusCode: response.statusCode ?? 0, body: response });
            });
            if (timeoutMs > 0)
                outgoing.setTimeout(timeoutMs, () => outgoing.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
            outgoing.on('error', (error) => {
                if (req.signal?.aborted === true)
                    reject(req.signal.reason);
                else
                    reject(this.connectionError(error));
            });
            outgoing.end(payload);
        });
    }
    /** Turns a non-2xx answer into an `UpstreamError` that carries Docker's own message. */
    failure(req, response) {
        const message = dockerMessage(response.body);
        return new UpstreamError(`Docker Engine API request failed: ${req.method} ${req.path} answered HTTP ${response.status} ("${message}"). Check the Docker daemon on the runner (docker info).`, { status: response.status, url: req.path, isRetryable: response.status >= 500 });
    }
    async close() {
        this.agent.destroy();
    }
    connectionError(error) {
        const code = error?.code ?? (error instanceof Error ? error.message : String(error));
        return new DockerUnavailableError(`Docker is not available: cannot connect to ${this.endpoint.display} (${code}). ` +
            'Run this step on a Linux runner with Docker (ubuntu-latest has it; macOS and Windows runners cannot run the LocalStack container), or set DOCKER_HOST.', { cause: error });
    }
}
/** Docker's error bodies are `{"message": "..."}`; anything else is quoted as text, shortened. */
function dockerMessage(body) {
    const text = body.toString('utf8').trim();
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.message === 'string')
            return parsed.message;
    }
    catch {
        // not JSON: fall through and quote the text
    }
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
/** The whole body of a response. */
async function readBody(body) {
    const chunks = [];
    for await (const chunk of body)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./build/action/docker/docker-endpoint.js

const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
/**
 * Reads `DOCKER_HOST` the way the docker CLI does for the two schemes a runner uses: `unix://` and `tcp://` (plain
 * HTTP; TLS-protected daemons, `DOCKER_TLS_VERIFY`, are refused with a clear message rather than half supported).
 */
function parseDockerHost(value, isTlsRequested = false) {
    const raw = value?.trim() ?? '';
    if (raw === '')
        return { kind: 'unix', socketPath: DEFAULT_DOCKER_SOCKET, display: `unix://${DEFAULT_DOCKER_SOCKET}` };
    if (raw.startsWith('unix://')) {
        const socketPath = raw.slice('unix://'.length);
        return { kind: 'unix', socketPath, display: raw };
    }
    const tcp = /^tcp:\/\/([^/]+)\/?$/.exec(raw);
    if (tcp !== null && !isTlsRequested)
        return { kind: 'tcp', origin: `http://${tcp[1]}`, display: raw };
    throw new InvalidInputError(`DOCKER_HOST is not supported: "${raw}"${isTlsRequested ? ' with DOCKER_TLS_VERIFY' : ''}. ` +
        'Use a unix:// socket or a plain tcp://host:port endpoint, or unset DOCKER_HOST to use /var/run/docker.sock.');
}

;// CONCATENATED MODULE: ./build/action/docker/log-frames.js
/**
 * Splits the body of `GET /containers/{id}/logs` into lines. Without a TTY, Docker multiplexes stdout and stderr in
 * frames of an 8-byte header (stream, 0, 0, 0, big-endian length) and a payload; with a TTY the body is raw text.
 */
function decodeLogLines(body) {
    const text = isMultiplexed(body) ? demultiplex(body) : body.toString('utf8');
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}
function isMultiplexed(body) {
    return body.length >= 8 && (body[0] === 1 || body[0] === 2) && body[1] === 0 && body[2] === 0 && body[3] === 0;
}
function demultiplex(body) {
    const parts = [];
    let offset = 0;
    while (offset + 8 <= body.length) {
        const length = body.readUInt32BE(offset + 4);
        parts.push(body.subarray(offset + 8, offset + 8 + length));
        offset += 8 + length;
    }
    return Buffer.concat(parts).toString('utf8');
}
/**
 * The same split for a followed log stream, chunk by chunk: a frame or a line may be cut anywhere between chunks.
 * Whether the stream is multiplexed is decided on its first 8 bytes, as for a whole body.
 */
class LogLineDecoder {
    pending = Buffer.alloc(0);
    isFramed;
    partialLine = '';
    text = new TextDecoder('utf-8');
    push(chunk) {
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        if (this.isFramed === undefined) {
            if (this.pending.length < 8)
                return [];
            this.isFramed = isMultiplexed(this.pending);
        }
        if (this.isFramed)
            return this.takeFrames();
        const bytes = this.pending;
        this.pending = Buffer.alloc(0);
        return this.takeText(bytes);
    }
    /** What is left when the stream ends: a last line without its newline. */
    end() {
        const rest = this.isFramed === true ? '' : this.text.decode(this.pending, { stream: true });
        const line = this.partialLine + rest + this.text.decode();
        this.pending = Buffer.alloc(0);
        this.partialLine = '';
        return line === '' ? [] : [line.replace(/\r$/, '')];
    }
    takeFrames() {
        const lines = [];
        let offset = 0;
        while (offset + 8 <= this.pending.length) {
            const length = this.pending.readUInt32BE(offset + 4);
            if (offset + 8 + length > this.pending.length)
                break;
            lines.push(...this.takeText(this.pending.subarray(offset + 8, offset + 8 + length)));
            offset += 8 + length;
        }
        this.pending = this.pending.subarray(offset);
        return lines;
    }
    takeText(bytes) {
        const parts = (this.partialLine + this.text.decode(bytes, { stream: true })).split('\n');
        this.partialLine = parts.pop() ?? '';
        return parts.map((line) => line.replace(/\r$/, ''));
    }
}

;// CONCATENATED MODULE: ./build/action/docker/pull-progress.js
/** The layer events worth a log line: one or two per layer, never the byte-by-byte `Downloading` and `Extracting`. */
const MILESTONES = new Set(['Already exists', 'Download complete', 'Pull complete']);
/** Reduces a pull event to a milestone, or undefined for progress noise. Summary lines (no layer id) always pass. */
function toMilestone(event) {
    const status = event.status;
    if (status === undefined)
        return undefined;
    if (event.id === undefined || status.startsWith('Digest:') || status.startsWith('Status:')) {
        return { layer: undefined, status };
    }
    return MILESTONES.has(status) ? { layer: event.id, status } : undefined;
}
/** Parses the newline-delimited JSON of a pull; a line that is not JSON is ignored rather than fatal. */
function parsePullEvents(chunk) {
    const events = [];
    for (const line of chunk.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            events.push(JSON.parse(line));
        }
        catch {
            // a partial or foreign line: progress is best effort
        }
    }
    return events;
}

;// CONCATENATED MODULE: ./build/action/docker/pull-image.js



/** Backoff before the 2nd and 3rd attempt: short, so an unpullable image still fails within seconds. */
const RETRY_DELAYS_MS = [500, 1_500];
/** Registry failures that say the image does not exist or is not ours to pull: retrying cannot help. */
const PERMANENT = /not found|manifest unknown|pull access denied|repository does not exist|unauthorized|denied|invalid reference/i;
/**
 * Pulls `image` through `POST /images/create`, retrying transient registry and network failures (timeouts, resets,
 * DNS, 5xx, rate limits) twice. A pull can fail with HTTP 200 and an `error` line in the stream, so both are checked.
 */
async function pullImage(api, image, options) {
    let lastError = '';
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
        if (attempt > 0)
            await options.clock.sleep(RETRY_DELAYS_MS[attempt - 1] ?? 0, options.signal);
        lastError = await pullOnce(api, image, options);
        if (lastError === '')
            return;
        if (PERMANENT.test(lastError)) {
            throw new ImagePullError(`Pulling the LocalStack image failed: ${image} is not on this machine and the registry refused it ("${lastError}"). Check the image and image-tag inputs.`);
        }
        options.onProgress?.({ layer: undefined, status: `attempt ${attempt + 1} failed: ${lastError}` });
    }
    throw new ImagePullError(`Pulling the LocalStack image failed: ${image} is not on this machine and ${RETRY_DELAYS_MS.length + 1} pull attempts failed (last: "${lastError}"). ` +
        'Check that the runner can reach the registry, or load the image before this step (docker load).');
}
/** One attempt; resolves with the error text, or '' on success. */
async function pullOnce(api, image, options) {
    const req = { method: 'POST', path: '/images/create', query: { fromImage: image }, signal: options.signal, timeoutMs: 0 };
    const response = await api.open(req);
    if (response.statusCode !== 200)
        return dockerMessage(await readBody(response.body));
    let carry = '';
    let error = '';
    const consume = (text) => {
        for (const event of parsePullEvents(text)) {
            if (event.error !== undefined)
                error = event.errorDetail?.message ?? event.error;
            const milestone = toMilestone(event);
            if (milestone !== undefined)
                options.onProgress?.(milestone);
        }
    };
    for await (const chunk of response.body) {
        const text = carry + chunk.toString('utf8');
        const cut = text.lastIndexOf('\n');
        carry = text.slice(cut + 1);
        if (cut >= 0)
            consume(text.slice(0, cut));
    }
    consume(carry);
    return error;
}

;// CONCATENATED MODULE: ./build/action/docker/docker-runtime.js




/**
 * `ContainerRuntime` over the Docker Engine API (ARCHITECTURE.md: why the API and not the docker CLI).
 * The container is created without `AutoRemove` (unlike `localstack start --rm`) so its log survives a crash for the
 * post step; the post step removes it.
 */
class DockerRuntime {
    api;
    clock;
    constructor(api, clock) {
        this.api = api;
        this.clock = clock;
    }
    async pullImage(image, options) {
        await pullImage(this.api, image, { ...options, clock: this.clock });
    }
    async start(spec, signal) {
        const createReq = { method: 'POST', path: '/containers/create', query: { name: spec.name }, body: createBody(spec), signal };
        const created = await this.api.send(createReq);
        if (created.status === 409) {
            throw new EmulatorStartError(`Starting the LocalStack container failed: a container named ${spec.name} already exists. Remove it (docker rm -f ${spec.name}), or set container-name to another name.`);
        }
        if (created.status === 404 && /no such image/i.test(dockerMessage(created.body))) {
            throw new ImageMissingError(`Starting the LocalStack container failed: the image ${spec.image} is not on this machine. Pull it first.`);
        }
        if (created.status !== 201)
            throw this.api.failure(createReq, created);
        const { Id: id } = JSON.parse(created.body.toString('utf8'));
        const startReq = { method: 'POST', path: `/containers/${id}/start`, signal };
        const started = await this.api.send(startReq);
        if (started.status === 204 || started.status === 304)
            return { id };
        await this.remove(id);
        throw startFailure(spec, dockerMessage(started.body));
    }
    async waitForExit(id, signal) {
        const req = { method: 'POST', path: `/containers/${id}/wait`, query: { condition: 'not-running' }, signal, timeoutMs: 0 };
        const response = await this.api.send(req);
        if (response.status !== 200)
            throw this.api.failure(req, response);
        const { StatusCode } = JSON.parse(response.body.toString('utf8'));
        return { exitCode: StatusCode };
    }
    async followLogs(id, options) {
        const req = { method: 'GET', path: `/containers/${id}/logs`, query: { stdout: '1', stderr: '1', follow: '1' }, signal: options.signal, timeoutMs: 0 };
        const response = await this.api.open(req);
        if (response.statusCode !== 200)
            throw this.api.failure(req, { status: response.statusCode, body: await readBody(response.body) });
        const decoder = new LogLineDecoder();
        try {
            for await (const chunk of response.body)
                for (const line of decoder.push(chunk))
                    options.onLine(line);
        }
        catch (error) {
            options.signal.throwIfAborted();
            throw error;
        }
        for (const line of decoder.end())
            options.onLine(line);
    }
    async logTail(id, lines) {
        const req = { method: 'GET', path: `/containers/${id}/logs`, query: { stdout: '1', stderr: '1', tail: String(lines) } };
        const response = await this.api.send(req);
        if (response.status === 404)
            return [];
        if (response.status !== 200)
            throw this.api.failure(req, response);
        return decodeLogLines(response.body);
    }
    async remove(id) {
        const req = { method: 'DELETE', path: `/containers/${encodeURIComponent(id)}`, query: { force: '1', v: '1' } };
        const response = await this.api.send(req);
        if (response.status === 404)
            return { isRemoved: false };
        if (response.status !== 204)
            throw this.api.failure(req, response);
        return { isRemoved: true };
    }
}
function createBody(spec) {
    const portBindings = {};
    for (const binding of spec.portBindings) {
        const key = `${binding.containerPort}/tcp`;
        portBindings[key] = [...(portBindings[key] ?? []), { HostIp: binding.hostIp, HostPort: String(binding.hostPort) }];
    }
    return {
        Image: spec.image,
        // Each variable is one array element: values reach the container verbatim, with no shell in between.
        Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
        Labels: spec.labels,
        ExposedPorts: Object.fromEntries(Object.keys(portBindings).map((key) => [key, {}])),
        HostConfig: {
            Binds: spec.binds,
            PortBindings: portBindings,
            AutoRemove: false,
            ...(spec.network === undefined ? {} : { NetworkMode: spec.network }),
        },
    };
}
function startFailure(spec, message) {
    if (/port is already allocated|address already in use/i.test(message)) {
        return new PortInUseError(`LocalStack could not start: a port it publishes is already in use on the host ("${message}"). Stop whatever listens there (another LocalStack? see docker ps), or choose other ports with the ports input.`);
    }
    return new EmulatorStartError(`Starting the LocalStack container ${spec.name} failed: Docker said "${message}". Check the image, network and ports inputs.`);
}

;// CONCATENATED MODULE: ./build/action/format-error.js

/**
 * The one message a failed step shows (docs/style.md §4). A `GuardError` already has the house shape and its code is
 * appended for the README's troubleshooting section; anything else was not foreseen and says so.
 */
function formatError(thrown) {
    if (thrown instanceof GuardError)
        return `${thrown.message}${thrown.hint === undefined ? '' : ` ${thrown.hint}`} [${thrown.code}]`;
    const error = toError(thrown);
    return `setup-localstack failed unexpectedly: ${error.message}. Re-run the job with debug logging (ACTIONS_STEP_DEBUG=true) and report the stack trace. [unexpected]`;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/src/emulator/parse-configuration.js


const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Parses the `configuration` input: `KEY=VALUE` pairs, one or more per line, separated by spaces.
 *
 * Words are split the way a shell splits them (single quotes literal; double quotes with `\"` and `\\` escapes; a
 * backslash outside quotes escapes the next character; `$(…)` (nested too), `` `…` `` and `${…}` keep their spaces
 * inside one word) but nothing is expanded or executed: `$(…)`, backticks, `;`, `&&`, `|` and `$VAR` arrive verbatim.
 * The incumbent ran this input through `eval`, so workflows hold `X=$(cmd arg)`; it must split like that, never run.
 * Lines starting with `#` are comments.
 */
function parseConfiguration(text) {
    const pairs = [];
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        if (line.trim() === '' || line.trim().startsWith('#'))
            continue;
        for (const word of splitWords(line, index + 1))
            pairs.push(toPair(word, index + 1));
    }
    return pairs;
}
function toPair(word, lineNumber) {
    const equals = word.indexOf('=');
    const key = equals > 0 ? word.slice(0, equals) : '';
    if (!KEY_PATTERN.test(key)) {
        throw new InvalidInputError(`Input configuration is invalid: line ${lineNumber} has "${parse_configuration_clip(word)}", which is not a KEY=VALUE pair. ` +
            'Write pairs such as DEBUG=1 SERVICES=s3,sqs, and quote values that contain spaces (GREETING="hello world").');
    }
    return { key, value: word.slice(equals + 1) };
}
/** Shell-like word splitting with quote removal and no expansion; throws on an unterminated quote. */
function splitWords(line, lineNumber) {
    const state = { words: [], current: '', hasWord: false, quote: undefined };
    try {
        for (let i = 0; i < line.length; i++)
            i = step(state, line, i);
    }
    catch (error) {
        if (!(error instanceof UnterminatedSubstitution))
            throw error;
        throw new InvalidInputError(`Input configuration is invalid: line ${lineNumber} has an unterminated ${error.opener}. Close it, or quote the value with single quotes to pass it as text.`);
    }
    if (state.quote !== undefined) {
        throw new InvalidInputError(`Input configuration is invalid: line ${lineNumber} has an unterminated ${state.quote} quote. Close the quote (values may contain spaces only inside quotes).`);
    }
    if (state.hasWord)
        state.words.push(state.current);
    return state.words;
}
/** Consumes the character at `i` (and an escaped follower); returns the index of the last character consumed. */
function step(state, line, i) {
    return state.quote === undefined ? stepUnquoted(state, line, i) : stepQuoted(state, line, i);
}
function stepQuoted(state, line, i) {
    const char = line[i];
    const next = line[i + 1];
    if (state.quote === '"' && isSubstitutionStart(char, next))
        return appendSubstitution(state, line, i);
    if (char === state.quote)
        state.quote = undefined;
    else if (state.quote === '"' && char === '\\' && (next === '"' || next === '\\'))
        return append(state, next, i + 1);
    else
        state.current += char;
    return i;
}
function stepUnquoted(state, line, i) {
    const char = line[i];
    const next = line[i + 1];
    if (char === '"' || char === "'") {
        state.quote = char;
        state.hasWord = true;
        return i;
    }
    if (char === '\\' && next !== undefined)
        return append(state, next, i + 1);
    if (isSubstitutionStart(char, next))
        return appendSubstitution(state, line, i);
    if (!/\s/.test(char))
        return append(state, char, i);
    if (state.hasWord)
        state.words.push(state.current);
    state.current = '';
    state.hasWord = false;
    return i;
}
function isSubstitutionStart(char, next) {
    return char === '`' || (char === '$' && (next === '(' || next === '{'));
}
/** Appends a whole `$(…)`, `${…}` or `` `…` `` verbatim, spaces included; returns the index of its last character. */
function appendSubstitution(state, line, start) {
    const end = substitutionEnd(line, start);
    if (end < 0) {
        const opener = line[start] === '`' ? '`' : line.slice(start, start + 2);
        throw new UnterminatedSubstitution(opener);
    }
    return append(state, line.slice(start, end + 1), end);
}
class UnterminatedSubstitution extends Error {
    opener;
    constructor(opener) {
        super(`unterminated ${opener}`);
        this.opener = opener;
    }
}
/** Index of the character that closes the substitution opened at `start`, or -1. Quotes inside are skipped over. */
function substitutionEnd(line, start) {
    if (line[start] === '`') {
        for (let i = start + 1; i < line.length; i++) {
            if (line[i] === '\\')
                i++;
            else if (line[i] === '`')
                return i;
        }
        return -1;
    }
    const [open, close] = line[start + 1] === '(' ? ['(', ')'] : ['{', '}'];
    let depth = 0;
    for (let i = start + 1; i < line.length; i++) {
        const char = line[i];
        if (char === '\\')
            i++;
        else if (char === "'" || char === '"')
            i = closingQuote(line, i);
        else if (char === '`')
            i = substitutionEnd(line, i);
        else if (char === open)
            depth++;
        else if (char === close && --depth === 0)
            return i;
        if (i < 0)
            return -1;
    }
    return -1;
}
function closingQuote(line, start) {
    const quote = line[start];
    for (let i = start + 1; i < line.length; i++) {
        if (quote === '"' && line[i] === '\\')
            i++;
        else if (line[i] === quote)
            return i;
    }
    return -1;
}
/**
 * Keys whose values hold what a shell would have substituted (`$(…)`, backticks, `${…}`, `$NAME`): the Action passes
 * them verbatim, so the workflow gets one warning saying so.
 */
function keysWithShellSubstitution(pairs) {
    return [...new Set(pairs.filter((pair) => /\$[({A-Za-z_]|`/.test(pair.value)).map((pair) => pair.key))];
}
function append(state, text, index) {
    state.current += text;
    state.hasWord = true;
    return index;
}
/** Quotes a bad word briefly; a token pasted in the wrong place is shown redacted, never whole. */
function parse_configuration_clip(word) {
    if (/^ls[a-zA-Z]*-/.test(word))
        return redact_token_redactToken(word);
    return word.length > 20 ? `${word.slice(0, 20)}…` : word;
}

;// CONCATENATED MODULE: ./build/src/emulator/pull-policy.js

const POLICIES = ['always', 'missing', 'never'];
/**
 * The pull policy from `pull-policy` and the incumbent's `skip-pull` (`true` means `never`).
 *
 * The default depends on the tag. A tag that names no version (`latest`, `stable`, any tag without a digit) moves, so
 * it is pulled every time: on a hosted runner the image is never present anyway, and a self-hosted runner does not
 * keep a months-old `latest`. A version tag (`2026.3`, `4.0.3`) or a digest is pulled only when absent, which keeps
 * re-runs on self-hosted runners free of registry traffic.
 */
function resolvePullPolicy(input) {
    const explicit = input.pullPolicy.trim().toLowerCase();
    if (explicit !== '' && !POLICIES.includes(explicit)) {
        throw new InvalidInputError(`Input pull-policy is invalid: got "${input.pullPolicy.slice(0, 40)}". It accepts always, missing or never (empty chooses by tag).`);
    }
    if (input.isSkipPull) {
        if (explicit !== '' && explicit !== 'never') {
            throw new InvalidInputError(`Inputs skip-pull and pull-policy disagree: skip-pull is true, which means never, but pull-policy is ${explicit}. Remove one of them.`);
        }
        return { policy: 'never', isDefault: false, decidedBy: 'skip-pull: true' };
    }
    if (explicit !== '')
        return { policy: explicit, isDefault: false, decidedBy: `pull-policy: ${explicit}` };
    const tag = imageTag(input.image);
    if (tag === undefined)
        return { policy: 'missing', isDefault: true, decidedBy: 'the default for an image pinned by digest' };
    const isMutable = !/\d/.test(tag);
    return { policy: isMutable ? 'always' : 'missing', isDefault: true, decidedBy: `the default for the tag ${tag}` };
}
/** The tag of `repository:tag`; undefined for a digest reference. */
function imageTag(image) {
    if (image.includes('@'))
        return undefined;
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    const colon = lastSegment.lastIndexOf(':');
    return colon < 0 ? 'latest' : lastSegment.slice(colon + 1);
}

;// CONCATENATED MODULE: ./build/action/input-parsers.js

/** Strict booleans (docs/style.md §5): the YAML 1.2 core forms `core.getBooleanInput` accepts, nothing coerced. */
function parseBoolean(name, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new InvalidInputError(`Input ${name} is invalid: got "${input_parsers_clip(raw)}". It accepts true or false.`);
}
/** A positive duration in seconds, returned in milliseconds. */
function parseSeconds(name, raw, fallbackSeconds) {
    if (raw === '')
        return fallbackSeconds * 1000;
    const seconds = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > 3_600) {
        throw new InvalidInputError(`Input ${name} is invalid: got "${input_parsers_clip(raw)}". It accepts a number of seconds between 1 and 3600, such as 120.`);
    }
    return Math.round(seconds * 1000);
}
/** A Docker image repository (no tag: `image-tag` carries it) or a full reference with a tag or digest. */
function parseImage(image, tag) {
    if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image)) {
        throw new InvalidInputError(`Input image is invalid: got "${input_parsers_clip(image)}". It accepts a repository such as localstack/localstack-pro.`);
    }
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) {
        throw new InvalidInputError(`Input image-tag is invalid: got "${input_parsers_clip(tag)}". It accepts a Docker tag such as latest or 2026.3.`);
    }
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    return lastSegment.includes(':') || image.includes('@') ? image : `${image}:${tag}`;
}
/** A Docker container name. */
function parseContainerName(raw) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(raw)) {
        throw new InvalidInputError(`Input container-name is invalid: got "${input_parsers_clip(raw)}". It accepts letters, digits, _ . and -, such as localstack-main.`);
    }
    return raw;
}
/** A Docker network name, or `host`; empty means Docker's default bridge. */
function parseNetwork(raw) {
    if (raw === '')
        return undefined;
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(raw)) {
        throw new InvalidInputError(`Input network is invalid: got "${input_parsers_clip(raw)}". It accepts host, or the name of a Docker network.`);
    }
    return raw;
}
function input_parsers_clip(text) {
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

;// CONCATENATED MODULE: ./build/action/settings.js
/** Every input `action.yml` declares; a unit test keeps the two lists equal. */
const INPUT_NAMES = [
    'auth-token',
    'image',
    'image-tag',
    'configuration',
    'wait-timeout',
    'skip-wait',
    'skip-startup',
    'allow-developer-token',
    'network',
    'container-name',
    'ports',
    'export-endpoint',
    'skip-configure-environment',
    'skip-pull',
    'pull-policy',
    'ignore-unsupported-inputs',
    'state-backend',
    'state-action',
    'state-name',
    'preview-cmd',
    'include-preview',
    'lifetime',
    'auto-load-pod',
    'extension-auto-install',
    'skip-ephemeral-stop',
    'use-pro',
    'install-awslocal',
    'ci-project',
    'github-token',
];
/** Retired inputs of the incumbent action: accepted so a workflow switches by changing only `uses:`. */
const DEPRECATED_INPUTS = {
    'use-pro': 'use-pro has no effect: since March 2026 every LocalStack image needs a token. Remove it.',
    'install-awslocal': 'install-awslocal has no effect: this action installs nothing. Use the AWS CLI with the exported AWS_ENDPOINT_URL, or pip install awscli-local yourself.',
    'ci-project': 'ci-project has no effect: Stack Insights links are not supported. Remove it.',
    'github-token': 'github-token has no effect: this action posts no PR comments. Remove it.',
};

;// CONCATENATED MODULE: ./build/action/unsupported-inputs.js

/**
 * Inputs of localstack/setup-localstack that this Action cannot honour, grouped by the feature they drive, with what
 * to do instead. `noOp` lists the incumbent's own defaults: copying them changes nothing there either, so they pass.
 */
const FEATURES = [
    {
        inputs: ['state-backend', 'state-action', 'state-name'],
        noOp: { 'state-backend': 'cloud-pods' },
        what: 'saving and loading emulator state (cloud pods, local state files)',
        short: 'state',
        instead: 'save or load it in a later step with the LocalStack CLI against the exported endpoint (localstack pod save/load, localstack state export/import)',
    },
    {
        inputs: ['preview-cmd', 'include-preview', 'lifetime', 'auto-load-pod', 'extension-auto-install', 'skip-ephemeral-stop'],
        noOp: { lifetime: '30', 'skip-ephemeral-stop': 'true', 'include-preview': 'false' },
        what: 'ephemeral preview instances on LocalStack Cloud',
        short: 'previews',
        instead: 'keep localstack/setup-localstack for the preview job (this Action starts the emulator on the runner only)',
    },
];
const UNSUPPORTED_INPUTS = FEATURES.flatMap((feature) => feature.inputs);
/**
 * The one message for the unsupported inputs a workflow set, or undefined when it set none. With the opt-out it is a
 * warning; otherwise the step fails, because a workflow that relied on `state-action: save` would silently save nothing.
 */
function unsupportedInputsProblem(values) {
    const parts = [];
    const advice = [];
    for (const feature of FEATURES) {
        const set = feature.inputs.filter((name) => {
            const value = values[name] ?? '';
            return value !== '' && value !== (Object.hasOwn(feature.noOp, name) ? feature.noOp[name] : undefined);
        });
        if (set.length === 0)
            continue;
        parts.push(`${set.join(', ')} (${feature.what})`);
        advice.push(`for ${feature.short}, ${feature.instead}`);
    }
    if (parts.length === 0)
        return undefined;
    const what = `Inputs of localstack/setup-localstack that this Action does not support are set: ${parts.join('; ')}`;
    return {
        error: new UnsupportedInputError(`${what}. This Action would start LocalStack without doing that work, so it stops here. Instead, ${advice.join('; ')}; or set ignore-unsupported-inputs: true to start LocalStack without it.`),
        warning: `${what}. They are ignored because ignore-unsupported-inputs is true.`,
    };
}

;// CONCATENATED MODULE: ./build/action/inputs.js












const CREDENTIAL_VARIABLES = ['LOCALSTACK_AUTH_TOKEN', 'LOCALSTACK_API_KEY'];
/**
 * The composition root's reading of the outside world: the only place that reads `process.env` and `core.getInput`
 * (docs/style.md §2.3). Masks every credential first, then validates every input into one settings object; a bad input
 * throws `InvalidInputError` before anything has started.
 */
function readSettings() {
    maskCredentials();
    const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name)]));
    const image = parseImage(raw.image || 'localstack/localstack-pro', raw['image-tag'] || 'latest');
    const configuration = parseConfiguration(raw.configuration);
    const isIgnoringUnsupported = parseBoolean('ignore-unsupported-inputs', raw['ignore-unsupported-inputs'], false);
    const unsupported = unsupportedInputsProblem(raw);
    return {
        credentials: { input: raw['auth-token'], authTokenEnv: process.env.LOCALSTACK_AUTH_TOKEN, apiKeyEnv: process.env.LOCALSTACK_API_KEY },
        allowDeveloperToken: parseBoolean('allow-developer-token', raw['allow-developer-token'], false),
        image,
        configuration,
        unexpandedKeys: keysWithShellSubstitution(configuration),
        waitTimeoutMs: parseSeconds('wait-timeout', raw['wait-timeout'], 120),
        shouldSkipWait: parseBoolean('skip-wait', raw['skip-wait'], false),
        shouldSkipStartup: parseBoolean('skip-startup', raw['skip-startup'], false),
        network: parseNetwork(raw.network),
        containerName: parseContainerName(raw['container-name'] || DEFAULT_CONTAINER_NAME),
        ports: raw.ports === '' ? undefined : parsePorts(raw.ports),
        // export-endpoint: false is this Action's older spelling of skip-configure-environment: true.
        shouldConfigureEnvironment: parseBoolean('export-endpoint', raw['export-endpoint'], true) && !parseBoolean('skip-configure-environment', raw['skip-configure-environment'], false),
        pull: resolvePullPolicy({ pullPolicy: raw['pull-policy'], isSkipPull: parseBoolean('skip-pull', raw['skip-pull'], false), image }),
        unsupported: unsupported === undefined ? undefined : { ...unsupported, isIgnored: isIgnoringUnsupported },
        deprecations: INPUT_NAMES.flatMap((name) => (raw[name] !== '' && DEPRECATED_INPUTS[name] !== undefined ? [DEPRECATED_INPUTS[name]] : [])),
        runner: readRunnerEnvironment(),
    };
}
/** `core.setSecret` before anything can print: the input and both variables, raw and as LocalStack normalises them. */
function maskCredentials() {
    const values = [getInput('auth-token'), ...CREDENTIAL_VARIABLES.map((name) => process.env[name] ?? '')];
    for (const value of values) {
        for (const form of new Set([value, value.trim(), normalizeCredential(value)])) {
            // The runner masks single lines only: mask each line of a multi-line value too.
            for (const line of form.split(/\r?\n/))
                if (line.trim() !== '')
                    setSecret(line);
        }
    }
}
function readRunnerEnvironment() {
    const env = process.env;
    const hostLocalstackEnv = Object.fromEntries(Object.entries(env).filter((entry) => entry[0].startsWith('LOCALSTACK_') && !CREDENTIAL_VARIABLES.includes(entry[0]) && entry[1] !== undefined));
    return {
        ciValue: env.CI,
        isForkPullRequest: isForkPullRequest(env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH),
        hostLocalstackEnv,
        dockerHost: env.DOCKER_HOST,
        isDockerTlsRequested: (env.DOCKER_TLS_VERIFY ?? '') !== '',
        volumeDir: env.LOCALSTACK_VOLUME_DIR || (0,external_node_path_namespaceObject.join)(env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'localstack-volume'),
        awsEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('AWS_'))),
    };
}
/** Forks get no secrets; the event payload says whether the head repository is a fork. */
function isForkPullRequest(eventName, eventPath) {
    if (eventName !== 'pull_request' || eventPath === undefined || eventPath === '')
        return false;
    try {
        const event = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(eventPath, 'utf8'));
        // Compare names rather than head.repo.fork: a same-repository PR in a repository that is itself a fork gets secrets.
        const head = event.pull_request?.head?.repo?.full_name;
        return head !== undefined && head !== event.pull_request?.base?.repo?.full_name;
    }
    catch {
        return false;
    }
}
/** What the post step needs: only where Docker is (the main step's settings are gone with its process). */
function readPostSettings() {
    return { dockerHost: process.env.DOCKER_HOST, isDockerTlsRequested: (process.env.DOCKER_TLS_VERIFY ?? '') !== '' };
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./build/action/net-port-probe.js

/**
 * Tries to listen on the port for an instant. Probing the wildcard address conflicts with a listener on any
 * interface, which is what matters for both Docker's published ports and a host-network emulator.
 */
const netPortProbe = {
    isPortFree: (port, host = '0.0.0.0') => new Promise((resolve) => {
        const server = (0,external_node_net_namespaceObject.createServer)();
        server.once('error', () => resolve(false));
        server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    }),
};

;// CONCATENATED MODULE: ./build/action/outputs.js

function toOutputs(started, containerName, tokenKind) {
    return {
        'endpoint-url': started.endpointUrl,
        'container-id': started.containerId,
        'container-name': containerName,
        version: started.info?.version ?? '',
        edition: started.info?.edition ?? '',
        'license-activated': started.info === undefined ? 'unknown' : String(started.info.isLicenseActivated),
        'session-id': started.info?.sessionId ?? '',
        'token-kind': tokenKind,
        'startup-seconds': (started.startupMs / 1000).toFixed(2),
    };
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        setOutput(name, value);
}
/** The job summary: one small table. */
function writeSummary(outputs, image) {
    const licence = { true: 'activated', false: 'not activated', unknown: 'not checked (skip-wait)' }[outputs['license-activated']] ?? outputs['license-activated'];
    const headers = ['image', 'version', 'edition', 'token kind', 'licence', 'startup', 'endpoint'];
    const cells = [image, outputs.version || '–', outputs.edition || '–', outputs['token-kind'], licence, `${outputs['startup-seconds']} s`, outputs['endpoint-url']];
    const row = (tag, values) => `<tr>${values.map((value) => `<${tag}>${escapeHtml(value)}</${tag}>`).join('')}</tr>`;
    appendSummary(`<h3>LocalStack</h3>\n<table>${row('th', headers)}${row('td', cells)}</table>`);
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

;// CONCATENATED MODULE: ./build/action/state.js
/** Keys the main step saves (`core.saveState`) for the post step (`core.getState`). */
const STATE = {
    containerId: 'container-id',
    containerName: 'container-name',
    isMainFailed: 'main-failed',
};

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./build/action/system-clock.js

/** The real clock: monotonic `performance.now()`, so a wall-clock jump cannot end a wait early. */
const systemClock = {
    now: () => performance.now(),
    sleep: async (ms, signal) => {
        await (0,promises_namespaceObject.setTimeout)(ms, undefined, signal === undefined ? {} : { signal });
    },
};

;// CONCATENATED MODULE: ./build/action/node-http.js

/**
 * `Http` over node:http with a per-request bound; used for the emulator's own endpoints on 127.0.0.1. node:http, not
 * undici or fetch: it is already loaded with Node, so the Action starts faster.
 */
const nodeHttp = {
    getJson(url, { signal, timeoutMs: rawTimeoutMs }) {
        const timeoutMs = Math.max(1, Math.ceil(rawTimeoutMs));
        return new Promise((resolve, reject) => {
            signal.throwIfAborted();
            const request = (0,external_node_http_namespaceObject.get)(url, { signal, timeout: timeoutMs, headers: { accept: 'application/json' } }, (response) => {
                const chunks = [];
                response.on('data', (chunk) => chunks.push(chunk));
                response.on('end', () => resolve({ status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }));
                response.on('error', (error) => reject(describe(error, signal)));
            });
            request.on('timeout', () => request.destroy(new Error('no answer within the request timeout')));
            request.on('error', (error) => reject(describe(error, signal)));
        });
    },
};
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** `connect ECONNREFUSED 127.0.0.1:4566`, or the abort reason when the caller aborted. */
function describe(error, signal) {
    if (signal.aborted)
        return signal.reason;
    return new Error(error.message, { cause: error });
}

;// CONCATENATED MODULE: ./build/action/run.js

















/**
 * The main step's composition root: settings → token policy → container spec → start and wait → outputs.
 * Every failure ends here as one `core.setFailed` message (docs/style.md §4), after the container's log tail.
 */
async function run(overrides = {}) {
    const cancel = new AbortController();
    const onSignal = () => cancel.abort(new Error('the job was cancelled'));
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    let api;
    try {
        const settings = readSettings();
        if (overrides.runtime === undefined)
            api = new DockerApi(parseDockerHost(settings.runner.dockerHost, settings.runner.isDockerTlsRequested));
        const dockerSocketPath = api?.endpoint.kind === 'unix' ? api.endpoint.socketPath : undefined;
        await runMain(settings, withDefaults(overrides, api), { signal: cancel.signal, dockerSocketPath });
    }
    catch (error) {
        reportFailure(error);
    }
    finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await api?.close();
    }
}
/** Real adapters for every port the caller did not pass. */
function withDefaults(overrides, api) {
    const clock = overrides.clock ?? systemClock;
    return {
        runtime: overrides.runtime ?? new DockerRuntime(api, clock),
        http: overrides.http ?? nodeHttp,
        clock,
        log: overrides.log ?? coreLogger,
        portProbe: overrides.portProbe ?? netPortProbe,
    };
}
async function runMain(settings, deps, context) {
    // Wall-clock marks for bench:action, which splits the step's time into process start, container start and detection.
    deps.log.debug('action.started', { epochMs: Date.now() });
    for (const deprecation of settings.deprecations)
        workflow_commands_warning(deprecation);
    if (settings.unsupported !== undefined) {
        if (!settings.unsupported.isIgnored)
            throw settings.unsupported.error;
        workflow_commands_warning(settings.unsupported.warning);
    }
    if (settings.unexpandedKeys.length > 0)
        workflow_commands_warning(substitutionWarning(settings.unexpandedKeys));
    const { runner } = settings;
    const decision = decideToken(settings.credentials, {
        isCi: runner.ciValue !== undefined,
        isForkPullRequest: runner.isForkPullRequest,
        allowDeveloperToken: settings.allowDeveloperToken,
    });
    for (const warning of decision.warnings)
        workflow_commands_warning(warning);
    deps.log.info('token.accepted', { kind: decision.kind, source: decision.source });
    setOutput('token-kind', decision.kind);
    if (settings.shouldSkipStartup)
        return deps.log.info('emulator.skipped', { reason: 'skip-startup is true' });
    const planned = buildContainerSpec({
        image: settings.image,
        name: settings.containerName,
        network: settings.network,
        token: decision.token,
        ciValue: runner.ciValue,
        configuration: settings.configuration,
        hostLocalstackEnv: runner.hostLocalstackEnv,
        dockerSocketPath: context.dockerSocketPath,
        volumeDir: runner.volumeDir,
        ports: settings.ports,
    });
    const started = await startEmulator({ planned, shouldSkipWait: settings.shouldSkipWait, waitTimeoutMs: settings.waitTimeoutMs, pull: settings.pull, isForkPullRequest: runner.isForkPullRequest }, { ...deps, signal: context.signal, onContainerStarted: (id) => saveState(STATE.containerId, id) });
    deps.log.debug('action.ready', { epochMs: Date.now() });
    const outputs = toOutputs(started, settings.containerName, decision.kind);
    setOutputs(outputs);
    if (settings.shouldConfigureEnvironment) {
        const variables = awsEnvironment(planned.gatewayPort, runner.awsEnv);
        for (const [name, value] of variables)
            exportVariable(name, value);
        deps.log.info('environment.configured', { exported: variables.map(([name]) => name).join(',') });
    }
    writeSummary(outputs, settings.image);
}
/** Once per step: the incumbent ran `configuration` through eval; this Action passes such values as text. */
function substitutionWarning(keys) {
    return (`configuration sets ${keys.join(', ')} with $(…), backticks, \${…} or $NAME, passed to LocalStack verbatim: substitution is not performed and nothing is run. ` +
        'To pass a computed value, compute it in an earlier step (run: echo "value=$(your command)" >> "$GITHUB_OUTPUT", with an id) and write KEY=${{ steps.<id>.outputs.value }} in configuration.');
}
function reportFailure(error) {
    saveState(STATE.isMainFailed, 'true');
    const logTail = logTailOf(error);
    if (logTail !== undefined && logTail.length > 0) {
        info(`LocalStack container log (last ${logTail.length} lines):`);
        for (const line of logTail)
            info(`  ${line}`);
    }
    setFailed(formatError(error));
    debug(toError(error).stack ?? '');
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(542);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
