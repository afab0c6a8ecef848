#pragma once

// What the benchmarks share: "name value" output lines and a summary against targets, a
// few statistics, /proc readings, and a real kinlist-server process to measure against.
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <vector>

namespace kinlist::bench {

// Output: "name value" lines, "# note" lines; failures go to stderr and are counted.
void report(const QString &name, double value, int decimals = 1);
void reportWord(const QString &name, const QString &value);
void note(const QString &text);
bool fail(const QString &what); // always false
int failures();
bool hasNumber(const QString &name);
double number(const QString &name);
QString word(const QString &name, const QString &fallback = {});
// "  what   measured  (target < T unit)  met" for a reported number; nothing if not run.
void summaryLine(const QString &what, const QString &key, double target, const QString &unit,
                 int width = 58);

double msSince(const QElapsedTimer &t);
double median(std::vector<double> v);
double percentile(std::vector<double> v, double p); // nearest rank
// A field of /proc/self/status in kB (VmHWM: peak RSS, VmRSS: current RSS), -1 if none.
qint64 procStatusKb(const char *field);

// The kinlist-server binary: given, $KINLIST_SERVER_BIN, or next to this program.
QString findServer(const QString &given);

// A kinlist-server process on an ephemeral loopback port with its own data directory and
// the cheapest password hashing.
class ServerProcess
{
public:
    ~ServerProcess() { stop(); }
    bool start(const QString &program, const QStringList &extraArgs = {});
    void stop();
    QUrl url() const { return m_url; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};

// A loopback port free right now.
quint16 freePort();

// kinlist-server on a fixed port and data directory, killed and started again on the same
// address, so that clients find it again.
class FixedPortServer
{
public:
    FixedPortServer(QString program, QString data, quint16 port);
    bool start(); // false if it did not listen within 15 s
    void kill(); // SIGKILL: mid-commit, mid-write, whatever it was doing
    void terminate();
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }

private:
    QString m_program;
    QString m_data;
    quint16 m_port;
    QProcess m_process;
};

} // namespace kinlist::bench
