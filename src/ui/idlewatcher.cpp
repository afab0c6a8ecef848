#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace kinlist::ui {

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(3 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { setIdle(true); });
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    m_timer.start();
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setTimeout(int ms)
{
    if (ms == m_timer.interval() || ms <= 0)
        return;
    m_timer.setInterval(ms);
    if (!m_idle)
        m_timer.start();
    Q_EMIT timeoutChanged();
}

void IdleWatcher::reset()
{
    m_timer.start();
    setIdle(false);
    Q_EMIT activity();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        // The application sees each input event once per receiver up the chain; the
        // windows are enough.
        if (watched->isWindowType())
            reset();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::setIdle(bool idle)
{
    if (idle == m_idle)
        return;
    m_idle = idle;
    Q_EMIT idleChanged();
}

} // namespace kinlist::ui
