#include "alerts.h"

#include "language.h"
#include "session.h"

#include <QGuiApplication>
#include <QLocale>
#include <QQuickWindow>

namespace kinlist::ui {

namespace {
const QString kReminderKey = QStringLiteral("reminder:");
const QString kChangeKey = QStringLiteral("change:");
} // namespace

Alerts::Alerts(Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session.reminders(), &Reminders::fired, this, &Alerts::onReminder);
    connect(session.toasts(), &ToastQueue::changeShown, this, &Alerts::onChangeToast);
    connect(&m_notifier, &DesktopNotifier::activated, this, &Alerts::onActivated);
    connect(&m_notifier, &DesktopNotifier::failed, this, &Alerts::onFailed);
    connect(session.settings(), &AppSettings::closeToTrayChanged, this, &Alerts::updateTray);
    m_trayWatcher.setConnection(QDBusConnection::sessionBus());
    m_trayWatcher.setWatchMode(QDBusServiceWatcher::WatchForRegistration);
    m_trayWatcher.addWatchedService(Tray::watcherService());
    connect(&m_trayWatcher, &QDBusServiceWatcher::serviceRegistered, this, &Alerts::updateTray);
    m_trayLook.setInterval(3000);
    connect(&m_trayLook, &QTimer::timeout, this, &Alerts::updateTray);
    connect(session.settings(), &AppSettings::languageChanged, this, [this] {
        if (m_tray)
            m_tray->retranslate();
    });
}

Alerts::~Alerts()
{
    if (m_window)
        m_window->disconnect(this);
}

void Alerts::setWindow(QQuickWindow *window)
{
    if (m_window)
        m_window->disconnect(this);
    m_window = window;
    if (window)
        connect(window, &QWindow::visibleChanged, this, &Alerts::onVisibleChanged);
    updateTray();
}

bool Alerts::keepsRunning() const
{
    return m_tray && m_tray->isVisible() && Tray::available();
}

void Alerts::updateTray()
{
    // The window closes into the tray; the app then ends only by the tray's Quit.
    const bool setting = !m_session.isKiosk() && m_session.settings()->closeToTray();
    const bool wanted = setting && (m_tray || Tray::available());
    if (wanted && !m_tray) {
        m_tray = std::make_unique<Tray>(*m_session.status());
        connect(m_tray.get(), &Tray::openRequested, this, &Alerts::showWindow);
        connect(m_tray.get(), &Tray::todayRequested, this, [this] {
            showWindow();
            m_session.openToday();
        });
        connect(m_tray.get(), &Tray::quitRequested, this, &Alerts::quitRequested);
        m_tray->show();
    } else if (!wanted && m_tray) {
        m_tray.reset();
    }
    if (setting && !m_tray)
        m_trayLook.start();
    else
        m_trayLook.stop();
    if (!m_session.isKiosk())
        QGuiApplication::setQuitOnLastWindowClosed(false); // onVisibleChanged decides
}

void Alerts::onVisibleChanged(bool visible)
{
    if (visible || m_session.isKiosk())
        return;
    // Closed: into the tray, or, with no tray to come back from, the app ends.
    if (!keepsRunning())
        Q_EMIT quitRequested();
}

void Alerts::showWindow()
{
    if (!m_window)
        return;
    if (m_window->visibility() == QWindow::Minimized || !m_window->isVisible())
        m_window->showNormal();
    m_window->raise();
    m_window->requestActivate();
}

void Alerts::onReminder(const Reminders::Reminder &r)
{
    const QLocale locale;
    const QDate today = QDate::currentDate();
    const QString time = Language::clockTime(r.at.time());
    QString when;
    if (r.at.date() == today)
        //: When a task is due: "today at 19:00".
        when = tr("today at %1").arg(time);
    else if (r.at.date() == today.addDays(1))
        when = tr("tomorrow at %1").arg(time);
    else
        when = tr("%1 at %2").arg(locale.toString(r.at.date(), QLocale::LongFormat), time);
    //: A reminder's second line: "Due today at 19:00 · Chores".
    const QString body = tr("Due %1 · %2").arg(when, r.listName);
    const QString key = kReminderKey + r.listId + QLatin1Char(':') + r.itemId;
    if (m_session.isKiosk() || !m_notifier.hasBus())
        onFailed(key, r.title, body);
    else
        m_notifier.show(key, r.title, body);
}

void Alerts::onChangeToast(quint64 id, const QString &text, const QString &listId)
{
    // In the window, the toast says it; out of sight, the desktop does.
    if (m_session.isKiosk() || !m_window || m_window->isActive() || !m_notifier.hasBus())
        return;
    const QString key = kChangeKey + QString::number(id) + QLatin1Char(':') + listId;
    m_notifier.show(key, text, QString());
}

void Alerts::onFailed(const QString &key, const QString &summary, const QString &body)
{
    // No notification service: the window's toasts say a reminder (a change has its toast
    // already).
    if (!key.startsWith(kReminderKey))
        return;
    const QString listId = key.mid(kReminderKey.size()).section(QLatin1Char(':'), 0, 0);
    m_session.toasts()->showReminder(tr("Reminder: %1, %2").arg(summary, body), listId);
}

void Alerts::onActivated(const QString &key)
{
    showWindow();
    // "reminder:<list>:<item>" opens the task, "change:<toast>:<list>" the list.
    if (key.startsWith(kReminderKey)) {
        const QString rest = key.mid(kReminderKey.size());
        m_session.openItem(rest.section(QLatin1Char(':'), 0, 0),
                           rest.section(QLatin1Char(':'), 1, 1));
    } else if (key.startsWith(kChangeKey)) {
        const QString listId = key.section(QLatin1Char(':'), 2, 2);
        if (!listId.isEmpty())
            m_session.openItem(listId, QString());
    }
}

} // namespace kinlist::ui
