//! `hello-mcp`: an example MCP server (Streamable HTTP on /mcp, or `--stdio`).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hello_mcp::config::Config;
use hello_mcp::http::{self, App};
use hello_mcp::mcp::{self, Server};
use hello_mcp::metrics::Metrics;
use hello_mcp::{error, info, log, shutdown, stdio, warn};

/// How long in-flight requests may take to finish after SIGTERM.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

const HELP: &str = "\
hello-mcp: an example Model Context Protocol server (std only)

USAGE:
    hello-mcp [--stdio | --health-check]

MODES:
    (default)        Streamable HTTP on http://$MCP_SERVER_HOST:$MCP_SERVER_PORT/mcp,
                     plus GET /health, /ready and /metrics (Prometheus)
    --stdio          newline-delimited JSON-RPC on stdin/stdout (logs go to stderr)
    --health-check   GET /health on the local server; exit 0 if it answers 200, else 1
    -h, --help       print this help
    -V, --version    print the version

ENVIRONMENT:
    MCP_SERVER_PORT    port to listen on (default 8080; 0 picks a free port)
    MCP_SERVER_HOST    address to bind (default 0.0.0.0)
    MCP_ALLOWED_HOSTS  extra Host/Origin names allowed on /mcp, comma separated
                       (localhost, 127.0.0.1 and [::1] are always allowed; * allows any)
    RUST_LOG           error | warn | info (default) | debug | off
    HELLO_MCP_FAIL_RATE  share of tool calls (0 to 1, default 0) that fail on purpose,
                       evenly spread (0.4: calls 3, 5, 8, 10, ...), to show a metrics bake failing
    HELLO_MCP_FAIL_AFTER tool calls spared before HELLO_MCP_FAIL_RATE applies (default 0)
";

enum Mode {
    Http,
    Stdio,
    HealthCheck,
}

fn main() -> ExitCode {
    let mut mode = Mode::Http;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stdio" => mode = Mode::Stdio,
            "--health-check" => mode = Mode::HealthCheck,
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("{} {}", mcp::SERVER_NAME, mcp::SERVER_VERSION);
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("hello-mcp: unknown argument {other:?} (see --help)");
                return ExitCode::from(2);
            }
        }
    }
    log::set_level(log::parse_level(
        &std::env::var("RUST_LOG").unwrap_or_default(),
    ));
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hello-mcp: {e}");
            return ExitCode::from(2);
        }
    };
    match mode {
        Mode::Http => run_http(&config),
        Mode::Stdio => run_stdio(config.fail_rate, config.fail_after),
        Mode::HealthCheck => run_health_check(&config),
    }
}

fn run_http(config: &Config) -> ExitCode {
    let listener = match http::bind(&config.host, config.port) {
        Ok(l) => l,
        Err(e) => {
            error!("cannot listen on {}:{}: {e}", config.host, config.port);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            error!("cannot read the bound address: {e}");
            return ExitCode::FAILURE;
        }
    };
    let app = Arc::new(
        App::new(config.host_policy()).with_fail_rate(config.fail_rate, config.fail_after),
    );
    shutdown::install_handlers();
    spawn_shutdown_watcher(app.clone());
    // Always printed (whatever RUST_LOG says): scripts and tests wait for this line.
    eprintln!("hello-mcp listening on http://{addr}/mcp");
    info!(
        "version {}, protocol versions {}",
        mcp::SERVER_VERSION,
        mcp::SUPPORTED_PROTOCOL_VERSIONS.join(", ")
    );
    if let Err(e) = http::serve(listener, app) {
        error!("server failed: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// On SIGTERM/SIGINT: report not-ready, let in-flight requests finish (bounded), exit 0.
fn spawn_shutdown_watcher(app: Arc<App>) {
    let watcher = std::thread::Builder::new()
        .name("shutdown".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            if !shutdown::requested() {
                continue;
            }
            info!("shutdown requested; draining in-flight requests");
            app.state.begin_shutdown();
            let started = Instant::now();
            while app.state.in_flight() > 0 && started.elapsed() < DRAIN_TIMEOUT {
                std::thread::sleep(Duration::from_millis(20));
            }
            if app.state.in_flight() > 0 {
                warn!(
                    "{} request(s) still running after {DRAIN_TIMEOUT:?}; exiting anyway",
                    app.state.in_flight()
                );
            }
            info!("bye");
            std::process::exit(0);
        });
    if let Err(e) = watcher {
        warn!("no graceful shutdown: cannot start watcher thread: {e}");
    }
}

fn run_stdio(fail_rate: f64, fail_after: u64) -> ExitCode {
    info!("hello-mcp {} serving MCP on stdio", mcp::SERVER_VERSION);
    let server = Server::new(Arc::new(Metrics::new(&mcp::tool_names())))
        .with_fail_rate(fail_rate, fail_after);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match stdio::serve(&server, stdin.lock(), stdout.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        // The client went away (EPIPE): nothing more to do.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            error!("stdio failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_health_check(config: &Config) -> ExitCode {
    let Some(addr) = config.health_check_addr() else {
        eprintln!("hello-mcp: cannot resolve {}:{}", config.host, config.port);
        return ExitCode::FAILURE;
    };
    if http::health_check(addr, Duration::from_secs(3)) {
        ExitCode::SUCCESS
    } else {
        eprintln!("hello-mcp: health check of http://{addr}/health failed");
        ExitCode::FAILURE
    }
}
