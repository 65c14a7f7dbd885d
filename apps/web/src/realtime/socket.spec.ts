import { createSocket } from './socket';

describe('createSocket', () => {
  it('connects over WebSocket first and falls back to long-polling, without connecting yet', () => {
    const socket = createSocket((callback) => callback({ token: 't' }));
    expect(socket.connected).toBe(false);
    expect(socket.io.opts).toMatchObject({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      autoConnect: false,
    });
    socket.close();
  });
});
