import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 824:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ postRun)
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
function warning(message) {
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
        appendFileSync(path, text + EOL, 'utf8');
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
        process.stdout.write(`${EOL}::${command} name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
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
class errors_InvalidInputError extends GuardError {
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
class InvalidTokenError extends (/* unused pure expression or super */ null && (GuardError)) {
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
class DeveloperTokenInCiError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'developer-token-in-ci';
    name = 'DeveloperTokenInCiError';
}
/** A legacy API key (no `ls…-` prefix): these no longer activate (docs/facts.md §2.9). */
class LegacyKeyError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'legacy-key';
    name = 'LegacyKeyError';
}
/** No credential at all: no input, no `LOCALSTACK_AUTH_TOKEN`, no `LOCALSTACK_API_KEY`. */
class MissingTokenError extends (/* unused pure expression or super */ null && (GuardError)) {
    code = 'missing-token';
    name = 'MissingTokenError';
}
/** Both `LOCALSTACK_AUTH_TOKEN` and `LOCALSTACK_API_KEY` are set, which the emulator refuses (docs/facts.md §2.1). */
class ConflictingCredentialsError extends (/* unused pure expression or super */ null && (GuardError)) {
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
class errors_UnsupportedInputError extends (/* unused pure expression or super */ null && (GuardError)) {
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
    throw new errors_InvalidInputError(`DOCKER_HOST is not supported: "${raw}"${isTlsRequested ? ' with DOCKER_TLS_VERIFY' : ''}. ` +
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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/src/emulator/parse-ports.js

/** The gateway port inside the container (docs/facts.md §2.7). */
const parse_ports_GATEWAY_PORT = 4566;
/** LocalStack Pro's HTTPS gateway, published by `localstack start` when GATEWAY_LISTEN is unset. */
const HTTPS_GATEWAY_PORT = 443;
/** External service ports (docs/facts.md §2.7: 4510-4559 in the docs, lstk and the Dockerfile). */
const SERVICE_PORTS_START = 4510;
const SERVICE_PORTS_END = 4559;
const DEFAULT_HOST_IP = '0.0.0.0';
/** The bindings `localstack start` publishes when the user names none. */
function parse_ports_defaultPortBindings(options) {
    const bindings = [binding(parse_ports_GATEWAY_PORT, parse_ports_GATEWAY_PORT)];
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
function parse_ports_parsePorts(text) {
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
function parse_ports_gatewayListenPort(value) {
    const first = value?.split(',')[0]?.trim() ?? '';
    const match = /(?:^|:)(\d+)$/.exec(first);
    if (match === null)
        return undefined;
    const port = Number(match[1]);
    return port >= 1 && port <= 65_535 ? port : undefined;
}

;// CONCATENATED MODULE: ./build/src/emulator/container-spec.js


/** `MAIN_CONTAINER_NAME` in LocalStack's `config.py`, and the name `localstack start` uses. */
const container_spec_DEFAULT_CONTAINER_NAME = 'localstack-main';
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

;// CONCATENATED MODULE: ./build/src/tokens/checksum.js

/** The checksum LocalStack expects for a payload: the first four characters of the lower-case hex md5. */
function computeChecksum(payload) {
    return createHash('md5').update(payload).digest('hex').slice(0, 4);
}
/** True when the body's last four characters are the checksum of its first 32 (case-sensitive, as LocalStack). */
function checksum_hasValidChecksum(body) {
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
const token_grammar_ANCHORED_TOKEN_PATTERN = new RegExp(`^ls[a-zA-Z]{0,${MAX_PREFIX_LETTERS}}-${BODY_SOURCE}$`);
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
function parse_token_parseToken(candidate) {
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
    const value = classify_token_normalizeCredential(raw);
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
function classify_token_normalizeCredential(raw) {
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
function parse_configuration_parseConfiguration(text) {
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
        throw new InvalidInputError(`Input configuration is invalid: line ${lineNumber} has "${clip(word)}", which is not a KEY=VALUE pair. ` +
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
function parse_configuration_keysWithShellSubstitution(pairs) {
    return [...new Set(pairs.filter((pair) => /\$[({A-Za-z_]|`/.test(pair.value)).map((pair) => pair.key))];
}
function append(state, text, index) {
    state.current += text;
    state.hasWord = true;
    return index;
}
/** Quotes a bad word briefly; a token pasted in the wrong place is shown redacted, never whole. */
function clip(word) {
    if (/^ls[a-zA-Z]*-/.test(word))
        return redactToken(word);
    return word.length > 20 ? `${word.slice(0, 20)}…` : word;
}

;// CONCATENATED MODULE: ./build/src/emulator/pull-policy.js

const POLICIES = (/* unused pure expression or super */ null && (['always', 'missing', 'never']));
/**
 * The pull policy from `pull-policy` and the incumbent's `skip-pull` (`true` means `never`).
 *
 * The default depends on the tag. A tag that names no version (`latest`, `stable`, any tag without a digit) moves, so
 * it is pulled every time: on a hosted runner the image is never present anyway, and a self-hosted runner does not
 * keep a months-old `latest`. A version tag (`2026.3`, `4.0.3`) or a digest is pulled only when absent, which keeps
 * re-runs on self-hosted runners free of registry traffic.
 */
function pull_policy_resolvePullPolicy(input) {
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
function input_parsers_parseBoolean(name, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new InvalidInputError(`Input ${name} is invalid: got "${input_parsers_clip(raw)}". It accepts true or false.`);
}
/** A positive duration in seconds, returned in milliseconds. */
function input_parsers_parseSeconds(name, raw, fallbackSeconds) {
    if (raw === '')
        return fallbackSeconds * 1000;
    const seconds = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > 3_600) {
        throw new InvalidInputError(`Input ${name} is invalid: got "${input_parsers_clip(raw)}". It accepts a number of seconds between 1 and 3600, such as 120.`);
    }
    return Math.round(seconds * 1000);
}
/** A Docker image repository (no tag: `image-tag` carries it) or a full reference with a tag or digest. */
function input_parsers_parseImage(image, tag) {
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
function input_parsers_parseContainerName(raw) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(raw)) {
        throw new InvalidInputError(`Input container-name is invalid: got "${input_parsers_clip(raw)}". It accepts letters, digits, _ . and -, such as localstack-main.`);
    }
    return raw;
}
/** A Docker network name, or `host`; empty means Docker's default bridge. */
function input_parsers_parseNetwork(raw) {
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
const settings_INPUT_NAMES = (/* unused pure expression or super */ null && ([
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
]));
/** Retired inputs of the incumbent action: accepted so a workflow switches by changing only `uses:`. */
const settings_DEPRECATED_INPUTS = {
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
function unsupported_inputs_unsupportedInputsProblem(values) {
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












const CREDENTIAL_VARIABLES = (/* unused pure expression or super */ null && (['LOCALSTACK_AUTH_TOKEN', 'LOCALSTACK_API_KEY']));
/**
 * The composition root's reading of the outside world: the only place that reads `process.env` and `core.getInput`
 * (docs/style.md §2.3). Masks every credential first, then validates every input into one settings object; a bad input
 * throws `InvalidInputError` before anything has started.
 */
function readSettings() {
    maskCredentials();
    const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
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
    const values = [core.getInput('auth-token'), ...CREDENTIAL_VARIABLES.map((name) => process.env[name] ?? '')];
    for (const value of values) {
        for (const form of new Set([value, value.trim(), normalizeCredential(value)])) {
            // The runner masks single lines only: mask each line of a multi-line value too.
            for (const line of form.split(/\r?\n/))
                if (line.trim() !== '')
                    core.setSecret(line);
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
        volumeDir: env.LOCALSTACK_VOLUME_DIR || join(env.RUNNER_TEMP || tmpdir(), 'localstack-volume'),
        awsEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('AWS_'))),
    };
}
/** Forks get no secrets; the event payload says whether the head repository is a fork. */
function isForkPullRequest(eventName, eventPath) {
    if (eventName !== 'pull_request' || eventPath === undefined || eventPath === '')
        return false;
    try {
        const event = JSON.parse(readFileSync(eventPath, 'utf8'));
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

;// CONCATENATED MODULE: ./build/action/post-run.js








/** How much of the log the post step shows after a failed main step: more than the main step's error did. */
const POST_LOG_TAIL_LINES = 200;
/**
 * The post step: after a failed main step, the container's log tail in a collapsed group; then the container is
 * removed. It never fails the job: every problem becomes a warning (docs/style.md §4).
 */
async function postRun(overrides = {}) {
    let api;
    try {
        const containerId = getState(STATE.containerId);
        if (containerId === '')
            return info('No LocalStack container was started; nothing to clean up.');
        const settings = readPostSettings();
        if (overrides.runtime === undefined)
            api = new DockerApi(parseDockerHost(settings.dockerHost, settings.isDockerTlsRequested));
        const runtime = overrides.runtime ?? new DockerRuntime(api, systemClock);
        if (getState(STATE.isMainFailed) === 'true')
            await showLogTail(runtime, containerId);
        const { isRemoved } = await runtime.remove(containerId);
        info(isRemoved ? `Removed the LocalStack container ${containerId.slice(0, 12)}.` : `The LocalStack container ${containerId.slice(0, 12)} was already gone.`);
    }
    catch (error) {
        warning(`Cleaning up the LocalStack container failed: ${toError(error).message}. Nothing to do on a hosted runner; on a self-hosted runner remove it with docker rm -f.`);
    }
    finally {
        await api?.close().catch(() => undefined);
    }
}
async function showLogTail(runtime, containerId) {
    const lines = await runtime.logTail(containerId, POST_LOG_TAIL_LINES);
    startGroup(`LocalStack container log (last ${lines.length} lines)`);
    for (const line of lines)
        info(line);
    endGroup();
}


/***/ }),

/***/ 517:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(824);
// Entry of the post step: no logic here (docs/style.md §1); see post-run.ts.

await (0,_post_run_js__WEBPACK_IMPORTED_MODULE_0__/* .postRun */ .Y)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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
/******/ var __webpack_exports__ = __nccwpck_require__(517);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
