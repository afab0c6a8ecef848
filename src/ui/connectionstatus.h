#pragma once

#include "client/syncclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The live connection status for the header: a state key for the colour, a word, and the
// details for the tooltip (changes waiting, last sync, next retry), kept current while
// the client reconnects.
class ConnectionStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the connection status")
    // "live", "syncing", "connecting", "offline", "signedout", "error"
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString label READ label NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY changed)
public:
    explicit ConnectionStatus(QObject *parent = nullptr);

    void setClient(client::SyncClient *client);

    QString state() const;
    QString label() const;
    QString detail() const;
    int pendingCount() const;
    bool canRetry() const;

    Q_INVOKABLE void retryNow();

    // The language changed: the label and detail are said again.
    void retranslate() { Q_EMIT changed(); }

Q_SIGNALS:
    void changed();

private:
    QPointer<client::SyncClient> m_client;
    QTimer m_tick; // the "next try in N s" countdown
};

} // namespace kinlist::ui
