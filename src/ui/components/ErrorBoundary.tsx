import { Component, type ReactNode } from 'react';

/**
 * Catches an error thrown while drawing a screen and hands it to `onError` (the app
 * exits with it, and the CLI prints one sentence). Answers given before it are saved:
 * every change reaches the store the moment it is made.
 */
export class ErrorBoundary extends Component<{ onError: (error: Error) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
