#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "kinlist.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "kinlist.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "kinlist.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "kinlist.http", QtInfoMsg)
