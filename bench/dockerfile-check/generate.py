"""Writes a 10,802-line, 200-stage Dockerfile exercising ARG/ENV expansion, mounts, --from and labels."""
import sys

lines = ['# check=skip=JSONArgsRecommended', 'ARG BASE=alpine:3.20']
for s in range(200):
    lines.append(f'FROM $BASE AS stage{s}')
    lines.append('ARG VERSION=1.0')
    for i in range(12):
        lines.append(f'ENV VAR{i}=value{i}-$VERSION')
        lines.append(f'RUN --mount=type=cache,target=/root/.cache echo $VAR{i} && make target{i}')
        lines.append(f'COPY --from={"stage" + str(s - 1) if s else "busybox"} /out/{i} /app/$VAR{i}/')
        lines.append(f'LABEL l{i}="$VAR{i}" version=$VERSION')
    lines.append('WORKDIR /app')
    lines.append('EXPOSE 8080/tcp 9000-9010/udp')
    lines.append('HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1')
    lines.append('CMD ["/app/run"]')
open(sys.argv[1], 'w').write('\n'.join(lines) + '\n')
