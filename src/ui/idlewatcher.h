#pragma once

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// Notices when nobody has touched, clicked or typed for `timeout` milliseconds, anywhere
// in the application (kiosk mode goes back to its home view then). Input is seen through
// an event filter on the application, so it needs no cooperation from the views.
class IdleWatcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    Q_PROPERTY(bool idle READ idle NOTIFY idleChanged)
public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    int timeout() const { return m_timer.interval(); }
    void setTimeout(int ms);
    bool idle() const { return m_idle; }

    // Counts as input: starts the wait again.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void timeoutChanged();
    void idleChanged();
    // Someone used the app (after being idle or not).
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setIdle(bool idle);

    QTimer m_timer;
    bool m_idle = false;
};

} // namespace kinlist::ui
