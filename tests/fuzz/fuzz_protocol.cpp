// libFuzzer target: the protocol decoder (docs/protocol.md) and the ops inside mutations,
// on arbitrary bytes. Besides not crashing (ASan, UBSan), what is accepted must survive
// a round trip: re-encoded and decoded again it is accepted as the same message. A mutate
// frame the fast path (decodeMutate) accepts is accepted the same way by the general path.
#include "core/op.h"
#include "core/protocol.h"

#include <QJsonDocument>
#include <QVariant>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    using kinlist::Protocol::DecodePath;
    const kinlist::Protocol::Decoded d =
        kinlist::Protocol::decodeRequest(frame, DecodePath::General);
    qint64 fastId = -1;
    kinlist::Protocol::MutateRequest fast;
    if (kinlist::Protocol::decodeMutate(frame, &fastId, &fast)) {
        if (d.error || !d.mutate || d.mutate->opError || fastId != d.id ||
            fast.clientId != d.mutate->clientId || fast.mutationId != d.mutate->mutationId ||
            fast.listId != d.mutate->listId ||
            fast.op.toJsonBytes() != d.mutate->op.toJsonBytes() ||
            fast.op.fields != d.mutate->op.fields)
            std::abort();
        // (== compares numbers by value: an integer read as a double would pass it.)
        for (auto it = fast.op.fields.begin(); it != fast.op.fields.end(); ++it) {
            if (it.value().toVariant().typeId() !=
                d.mutate->op.fields.value(it.key()).toVariant().typeId())
                std::abort();
        }
    }
    if (d.error) {
        if (d.error.message.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    const kinlist::Protocol::Decoded again =
        kinlist::Protocol::decodeRequest(kinlist::Protocol::encode(d.message), DecodePath::General);
    if (again.error || again.message != d.message || again.type != d.type || again.id != d.id)
        std::abort();
    if (d.mutate) {
        const kinlist::Op &op = d.mutate->op;
        if (!d.mutate->opError) {
            // An accepted op is written (for the log) as one that reads back the same.
            kinlist::Error e2;
            const kinlist::Op back = kinlist::Op::fromJson(
                QJsonDocument::fromJson(op.toJsonBytes()).object(), &e2, true);
            if (e2 || back.toJsonBytes() != op.toJsonBytes())
                std::abort();
        }
    }
    return 0;
}
