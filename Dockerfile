# ClientsVia: one image runs every app process (web, calls, jobs). Node 24 strips TypeScript
# types natively, so the runtime runs src/ as it is; only the dashboard is built, here.
# syntax=docker/dockerfile:1

# --- build: install everything and build the dashboard into web/dist ---------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web

# --- runtime: production dependencies only, the built dashboard, a non-root user -------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/clientsvia
# pg_dump/pg_restore (15, Debian bookworm) for `npm run backup`; they must be at least the server's major version.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client tini \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# vite and the React plugin are runtime dependencies: `npm start` checks web/dist against its sources.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/src ./src
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/web ./web
COPY --from=build /app/docs ./docs
RUN mkdir -p /var/lib/clientsvia && chown node:node /var/lib/clientsvia
USER node
EXPOSE 3000
VOLUME ["/var/lib/clientsvia"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to npm and the server, which drains requests and jobs before it exits.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["npm", "start"]
