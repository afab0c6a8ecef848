#include "benchsupport.h"

#include <QTcpServer>
#include <QTest>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kinlist::bench {

namespace {
QMap<QString, double> g_numbers;
QMap<QString, QString> g_words;
int g_failures = 0;
} // namespace

void report(const QString &name, double value, int decimals)
{
    g_numbers.insert(name, value);
    std::printf("%s %.*f\n", qPrintable(name), decimals, value);
    std::fflush(stdout);
}

void reportWord(const QString &name, const QString &value)
{
    g_words.insert(name, value);
    std::printf("%s %s\n", qPrintable(name), qPrintable(value));
    std::fflush(stdout);
}

void note(const QString &text)
{
    std::printf("# %s\n", qPrintable(text));
    std::fflush(stdout);
}

bool fail(const QString &what)
{
    ++g_failures;
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(what));
    return false;
}

int failures()
{
    return g_failures;
}

bool hasNumber(const QString &name)
{
    return g_numbers.contains(name);
}

double number(const QString &name)
{
    return g_numbers.value(name);
}

QString word(const QString &name, const QString &fallback)
{
    return g_words.value(name, fallback);
}

void summaryLine(const QString &what, const QString &key, double target, const QString &unit,
                 int width)
{
    QString measured;
    QString verdict;
    if (g_numbers.contains(key)) {
        const double v = g_numbers.value(key);
        measured = QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(unit);
        verdict = v < target ? QStringLiteral("met") : QStringLiteral("NOT met");
    } else if (g_words.contains(key)) {
        measured = g_words.value(key);
        verdict = QStringLiteral("NOT met");
    } else {
        return; // not run
    }
    std::printf("  %-*s %14s  (target < %g %s)  %s\n", width, qPrintable(what),
                qPrintable(measured), target, qPrintable(unit), qPrintable(verdict));
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100 * double(v.size())));
    return v[std::min(v.size(), std::max<size_t>(rank, 1)) - 1];
}

qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString findServer(const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString env = qEnvironmentVariable("KINLIST_SERVER_BIN");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("kinlist-server"));
}

bool ServerProcess::start(const QString &program, const QStringList &extraArgs)
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory for the server"));
    m_process.setProgram(program);
    m_process.setArguments(QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                        QStringLiteral("--data"),
                                        m_dir.filePath(QStringLiteral("data")),
                                        QStringLiteral("--password-hash"), QStringLiteral("min")} +
                           extraArgs);
    // The server's warnings come through; its per-connection info lines only with
    // QT_LOGGING_RULES set by the caller.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_LOGGING_RULES")))
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kinlist.*.info=false"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return fail(QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString()));
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("listening on (ws://\\S+)"));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000 && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            return true;
        }
    }
    return fail(QStringLiteral("%1 did not say where it listens").arg(program));
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

FixedPortServer::FixedPortServer(QString program, QString data, quint16 port)
    : m_program(std::move(program))
    , m_data(std::move(data))
    , m_port(port)
{ }

bool FixedPortServer::start()
{
    m_process.setProgram(m_program);
    m_process.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                            QStringLiteral("--data"), m_data, QStringLiteral("--password-hash"),
                            QStringLiteral("min")});
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    // Waiting with the event loop running: the clients of a benchmark go on meanwhile.
    QByteArray out;
    return QTest::qWaitFor(
               [&] {
                   out += m_process.readAllStandardOutput();
                   return m_process.state() == QProcess::NotRunning || out.contains("listening on");
               },
               15000) &&
        m_process.state() == QProcess::Running;
}

void FixedPortServer::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

void FixedPortServer::terminate()
{
    m_process.terminate();
    m_process.waitForFinished(10000);
}

} // namespace kinlist::bench
