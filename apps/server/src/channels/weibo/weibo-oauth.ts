// The OAuth2 authorisation-code flow of Weibo (research/channel-apis.md §1.2), for the accounts module:
// send the operator to authorizeUrl(), receive ?code= on the redirect URI, exchange it here.
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ChannelHttp } from '../http/channel-http';
import { WeiboClient } from './weibo-client';
import { accessTokenGrant } from './weibo-wire';

export interface WeiboApp {
  /** https://api.weibo.com, or the sandbox. */
  baseUrl: string;
  appKey: string;
  redirectUri: string;
}

export interface WeiboGrant {
  accessToken: string;
  expiresAt: Date;
  uid: string;
}

@Injectable()
export class WeiboOAuth {
  private readonly client: WeiboClient;

  constructor(
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
  ) {
    this.client = new WeiboClient(http, clock);
  }

  /** Where to send the operator's browser; `state` comes back unchanged and guards against CSRF. */
  authorizeUrl(app: WeiboApp, state: string): string {
    const url = new URL(`${app.baseUrl.replace(/\/+$/, '')}/oauth2/authorize`);
    url.searchParams.set('client_id', app.appKey);
    url.searchParams.set('redirect_uri', app.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', state);
    return url.toString();
  }

  /** Trades the code for a token. Re-authorising an account returns its live token with a new expiry. */
  async exchangeCode(app: WeiboApp, appSecret: string, code: string): Promise<WeiboGrant> {
    const res = await this.http.send({
      method: 'POST',
      url: `${app.baseUrl.replace(/\/+$/, '')}/oauth2/access_token`,
      body: {
        kind: 'form',
        fields: {
          client_id: app.appKey,
          client_secret: appSecret,
          grant_type: 'authorization_code',
          code,
          redirect_uri: app.redirectUri,
        },
      },
      // A lost answer only wastes a one-time code; nothing is published.
      write: false,
    });
    const grant = this.client.read(res, accessTokenGrant, false);
    return {
      accessToken: grant.access_token,
      expiresAt: new Date(this.clock.now().getTime() + grant.expires_in * 1000),
      uid: grant.uid,
    };
  }
}
