// kinlist-server: parses the command line and runs the sync server until SIGTERM/SIGINT.
#include "server/epolldispatcher.h"
#include "server/importer.h"
#include "server/logging.h"
#include "server/serverconfig.h"
#include "server/syncserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &byte, 1);
}
} // namespace

int main(int argc, char *argv[])
{
    // epoll instead of poll() over every connection on every pass of the event loop.
    QCoreApplication::setEventDispatcher(new kinlist::server::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinlist-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KINLIST_VERSION));

    kinlist::server::ServerConfig config;
    QString message;
    using R = kinlist::server::ServerConfig::ParseResult;
    switch (kinlist::server::ServerConfig::parse(app.arguments(), &config, &message)) {
    case R::Help:
    case R::Version:
        std::fputs(qPrintable(message + QLatin1Char('\n')), stdout);
        return 0;
    case R::Error:
        std::fputs(qPrintable(QStringLiteral("kinlist-server: %1\nTry --help.\n").arg(message)),
                   stderr);
        return 2;
    case R::Ok:
        break;
    }

    if (!config.importFrom.isEmpty()) {
        QString report;
        const QString error =
            kinlist::server::importSqlite(config.importFrom, config.database, &report);
        if (!error.isEmpty()) {
            std::fputs(qPrintable(QStringLiteral("kinlist-server: the import failed, nothing was "
                                                 "kept: %1\n")
                                      .arg(error)),
                       stderr);
            return 1;
        }
        std::fputs(qPrintable(report + QLatin1Char('\n')), stdout);
        return 0;
    }

    // Unix signals become a byte on a socket pair, read safely by the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return 1;
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    kinlist::server::SyncServer server(config);
    QString error;
    if (!server.start(&error)) {
        std::fputs(qPrintable(QStringLiteral("kinlist-server: %1\n").arg(error)), stderr);
        return 1;
    }
    std::fprintf(stdout, "kinlist-server %s listening on %s (data in %s)\n", KINLIST_VERSION,
                 qPrintable(server.url().toString()), qPrintable(config.dataDescription()));
    std::fflush(stdout);

    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &byte, 1);
        qCInfo(lcServer) << "signal received; stopping";
        server.shutdown();
    });
    QObject::connect(&server, &kinlist::server::SyncServer::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
