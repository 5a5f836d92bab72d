//! Which of the laptop's addresses phones should use. Choosing is a pure function over a list
//! of interfaces (tested with made-up lists); only [`local_interfaces`] asks the system.
//!
//! The right address is a private IPv4 address on the interface with the default route: the
//! Wi-Fi or hotspot the phones are on. Virtual adapters (containers, virtual machines, WSL,
//! VPN tunnels) and link-local addresses rank down, since phones cannot reach them.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};
use specta::Type;

/// One network interface as the choice needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct NetInterface {
    pub name: String,
    /// The name people see (Windows: "Wi-Fi"), when the system has one.
    pub friendly_name: Option<String>,
    pub ipv4: Vec<Ipv4Addr>,
    pub up: bool,
    pub loopback: bool,
    /// The system routes the internet (or the room's network) through this interface.
    pub default_route: bool,
    pub wireless: bool,
}

/// An address phones could use, best first in [`rank_addresses`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AddressChoice {
    pub address: String,
    pub interface: String,
    /// Why it ranks where it does, in the facilitator's words.
    pub note: String,
    /// Phones can probably reach it (private, on a real adapter, not link-local).
    pub likely: bool,
}

/// Name fragments of adapters phones cannot reach: Docker, veth pairs, libvirt, VirtualBox,
/// VMware, Hyper-V/WSL, and VPN or overlay tunnels.
const VIRTUAL_NAMES: &[&str] = &[
    "docker",
    "br-",
    "veth",
    "virbr",
    "vboxnet",
    "virtualbox",
    "vmnet",
    "vmware",
    "vethernet",
    "hyper-v",
    "wsl",
    "tun",
    "tap",
    "utun",
    "wg",
    "tailscale",
    "zt",
    "cni",
    "flannel",
    "lxc",
    "lxd",
    "podman",
];

fn is_virtual(interface: &NetInterface) -> bool {
    let names = [Some(&interface.name), interface.friendly_name.as_ref()];
    names.into_iter().flatten().any(|name| {
        let name = name.to_lowercase();
        VIRTUAL_NAMES
            .iter()
            .any(|v| name.starts_with(v) || name.contains(&format!("({v}")))
            || name.contains("virtual")
            || name.contains("vpn")
    })
}

fn is_private(address: Ipv4Addr) -> bool {
    address.is_private()
}

/// 100.64.0.0/10, used by carrier NAT and by overlay VPNs (Tailscale).
fn is_shared(address: Ipv4Addr) -> bool {
    let [a, b, ..] = address.octets();
    a == 100 && (64..128).contains(&b)
}

/// Every usable IPv4 address of `interfaces`, best first.
pub fn rank_addresses(interfaces: &[NetInterface]) -> Vec<AddressChoice> {
    let mut scored: Vec<(i32, usize, AddressChoice)> = Vec::new();
    for (order, interface) in interfaces.iter().enumerate() {
        if !interface.up || interface.loopback {
            continue;
        }
        let shown = interface
            .friendly_name
            .clone()
            .unwrap_or_else(|| interface.name.clone());
        let virtual_adapter = is_virtual(interface);
        for &address in &interface.ipv4 {
            if address.is_loopback() || address.is_unspecified() || address.is_multicast() {
                continue;
            }
            let link_local = address.is_link_local();
            let mut score = 0;
            let note;
            if link_local {
                score -= 100;
                note = "self-assigned (169.254…): this adapter has no working network";
            } else if virtual_adapter {
                score -= 50;
                note = "a virtual adapter (containers, virtual machines or VPN): phones cannot reach it";
            } else if is_private(address) {
                score += 40;
                note = if interface.default_route {
                    "the network this laptop is using now"
                } else {
                    "another local network of this laptop"
                };
            } else if is_shared(address) {
                score -= 20;
                note = "a carrier or VPN address: phones on the Wi-Fi probably cannot reach it";
            } else {
                score += 5;
                note = "a public address: phones reach it only on the same network";
            }
            if interface.default_route && !virtual_adapter && !link_local {
                score += 30;
            }
            if interface.wireless && !virtual_adapter {
                score += 5;
            }
            let likely = score > 0 && is_private(address);
            scored.push((
                score,
                order,
                AddressChoice {
                    address: address.to_string(),
                    interface: shown.clone(),
                    note: note.to_string(),
                    likely,
                },
            ));
        }
    }
    // Best score first; equal scores keep the system's order of interfaces.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, choice)| choice).collect()
}

/// The address to serve on: the remembered one if it is still there, else the best.
pub fn choose_address(ranked: &[AddressChoice], remembered: Option<&str>) -> Option<AddressChoice> {
    remembered
        .and_then(|r| ranked.iter().find(|c| c.address == r))
        .or_else(|| ranked.first())
        .cloned()
}

/// The interfaces of this machine, as the system lists them.
pub fn local_interfaces() -> Vec<NetInterface> {
    netdev::get_interfaces()
        .into_iter()
        .map(|i| NetInterface {
            up: i.is_up(),
            loopback: i.is_loopback(),
            default_route: i.default,
            wireless: i.if_type == netdev::interface::types::InterfaceType::Wireless80211,
            ipv4: i.ipv4.iter().map(|net| net.addr()).collect(),
            name: i.name,
            friendly_name: i.friendly_name,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interface(name: &str, address: &str) -> NetInterface {
        NetInterface {
            name: name.into(),
            friendly_name: None,
            ipv4: vec![address.parse().unwrap()],
            up: true,
            loopback: false,
            default_route: false,
            wireless: false,
        }
    }

    fn addresses(ranked: &[AddressChoice]) -> Vec<&str> {
        ranked.iter().map(|c| c.address.as_str()).collect()
    }

    #[test]
    fn the_wifi_with_the_default_route_beats_docker_vpn_and_link_local() {
        let wifi = NetInterface {
            default_route: true,
            wireless: true,
            ..interface("wlp2s0", "192.168.1.23")
        };
        let list = vec![
            interface("lo", "127.0.0.1"),
            interface("docker0", "172.17.0.1"),
            interface("tun0", "10.8.0.5"),
            interface("enp0s31f6", "169.254.10.2"),
            wifi,
            interface("tailscale0", "100.101.102.103"),
        ];
        let ranked = rank_addresses(&list);
        assert_eq!(ranked[0].address, "192.168.1.23");
        assert!(ranked[0].likely);
        assert!(!addresses(&ranked).contains(&"127.0.0.1"));
        assert_eq!(ranked.last().unwrap().address, "169.254.10.2");
        for unlikely in &ranked[1..] {
            assert!(!unlikely.likely, "{unlikely:?}");
        }
    }

    #[test]
    fn of_two_wifi_adapters_the_one_with_the_route_wins_and_windows_names_count() {
        let hotspot = NetInterface {
            wireless: true,
            friendly_name: Some("Local Area Connection* 10".into()),
            ..interface("{1234}", "192.168.137.1")
        };
        let main = NetInterface {
            wireless: true,
            default_route: true,
            friendly_name: Some("Wi-Fi".into()),
            ..interface("{5678}", "10.0.0.14")
        };
        let wsl = NetInterface {
            friendly_name: Some("vEthernet (WSL)".into()),
            ..interface("{9abc}", "172.28.80.1")
        };
        let ranked = rank_addresses(&[hotspot, wsl, main]);
        assert_eq!(
            addresses(&ranked),
            vec!["10.0.0.14", "192.168.137.1", "172.28.80.1"]
        );
        assert_eq!(ranked[0].interface, "Wi-Fi");
        assert!(
            ranked[1].likely,
            "the laptop's own hotspot is a good second choice"
        );
    }

    #[test]
    fn interfaces_that_are_down_have_nothing_to_offer() {
        let down = NetInterface {
            up: false,
            ..interface("wlan0", "192.168.0.3")
        };
        assert!(rank_addresses(&[down]).is_empty());
    }

    #[test]
    fn a_remembered_address_is_used_while_it_exists() {
        let ranked = rank_addresses(&[
            interface("eth0", "192.168.0.3"),
            interface("eth1", "10.1.1.1"),
        ]);
        assert_eq!(
            choose_address(&ranked, Some("10.1.1.1")).unwrap().address,
            "10.1.1.1"
        );
        assert_eq!(
            choose_address(&ranked, Some("10.9.9.9")).unwrap().address,
            ranked[0].address
        );
        assert!(choose_address(&[], None).is_none());
    }
}
