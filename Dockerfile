# Spielraum container image: built with the same scripts as the README's run command.
#
#   docker build -t spielraum .
#   docker run -p 3000:3000 -v spielraum-data:/app/data spielraum                     # SQLite on a volume
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://user:pass@db/spielraum spielraum  # PostgreSQL

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
# scripts/setup installs the wasm target, the matching wasm-bindgen CLI, Node.js and the npm build tools.
RUN scripts/setup && scripts/build-release

FROM debian:bookworm-slim AS runtime
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin spielraum
WORKDIR /app
# Leptos reads the hashed bundle names from hash.txt beside the executable.
COPY --from=build /src/target/release/server /src/target/release/hash.txt /app/
COPY --from=build /src/target/site /app/site
RUN mkdir -p /app/data && chown spielraum:spielraum /app/data
USER 10001:10001
ENV SPIELRAUM_ADDR=0.0.0.0:3000 \
    SPIELRAUM_SITE_DIR=/app/site \
    SPIELRAUM_LOG_FORMAT=json \
    DATABASE_URL=sqlite:///app/data/spielraum.db?mode=rwc
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/app/server", "healthcheck"]
ENTRYPOINT ["/app/server"]
CMD ["serve"]
